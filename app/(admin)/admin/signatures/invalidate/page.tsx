import Link from "next/link";
import { listAllDocuments } from "@/db/queries/documents";
import { previewInvalidation } from "@/db/queries/moderation";
import { requireAdmin } from "@/server/auth/auth-guard";
import type { InvalidationCriteria } from "@/db/queries/moderation";
import { parseInvalidationCriteria } from "@/server/admin/inputs/invalidation-criteria";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { invalidateAction } from "@/app/(admin)/admin/signatures/actions";

export const metadata = { title: "Bulk invalidation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const fields: { name: keyof InvalidationCriteria; label: string; type?: string; hint?: string }[] = [
  { name: "domain", label: "Email domain", hint: "for example mailinator.com" },
  { name: "country", label: "Country code", hint: "two letters, for example RU" },
  { name: "from", label: "Signed from", type: "date" },
  { name: "to", label: "Signed to", type: "date" },
  { name: "nameContains", label: "Name contains" },
  {
    name: "ipHash",
    label: "Client address hash",
    hint: "as shown in the review and anomalies view; the address itself is never stored",
  },
];

export default async function InvalidatePage({ searchParams }: Props) {
  await requireAdmin();
  const params = await searchParams;
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const documents = await listAllDocuments();
  const submitted =
    fields.some((field) => first(field.name)) || first("heldOnly") !== undefined || first("preview") !== undefined;
  const parsed = submitted
    ? parseInvalidationCriteria(Object.fromEntries(Object.keys(params).map((key) => [key, first(key)])))
    : null;
  const preview = parsed?.ok ? await previewInvalidation(parsed.criteria) : null;
  const errors = parsed && !parsed.ok ? parsed.errors : {};
  const done = first("done");

  return (
    <>
      <p>
        <Link href="/admin/signatures">All signatures</Link>
      </p>
      <h1>Bulk invalidation</h1>
      <p>Reject every pending, confirmed or held signature that matches all the criteria. You see how many first.</p>
      {done !== undefined ? (
        <p className="notice success" role="status">
          {Number(done)} signatures were rejected.
        </p>
      ) : null}
      <form method="get" className="form card">
        <input type="hidden" name="preview" value="1" />
        {errors.form ? (
          <p className="error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="document">Document</label>
          <select id="document" name="document" defaultValue={first("document") ?? ""}>
            <option value="">All documents</option>
            {documents.map((document) => (
              <option key={document.id} value={document.slug}>
                {document.title}
              </option>
            ))}
          </select>
        </div>
        {fields.map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={field.name}>{field.label}</label>
            {field.hint ? (
              <p className="hint" id={`${field.name}-hint`}>
                {field.hint}
              </p>
            ) : null}
            <input
              id={field.name}
              name={field.name}
              type={field.type ?? "text"}
              defaultValue={first(field.name) ?? ""}
              aria-describedby={
                [field.hint ? `${field.name}-hint` : "", errors[field.name] ? `${field.name}-error` : ""]
                  .join(" ")
                  .trim() || undefined
              }
              aria-invalid={errors[field.name] ? true : undefined}
            />
            {errors[field.name] ? (
              <p className="error" id={`${field.name}-error`}>
                {errors[field.name]}
              </p>
            ) : null}
          </div>
        ))}
        <label className="choice">
          <input
            type="checkbox"
            name="heldOnly"
            value="1"
            defaultChecked={parsed?.ok ? parsed.criteria.heldOnly : first("heldOnly") !== undefined}
          />
          Only signatures held for review (over a rate limit)
        </label>
        <div>
          <button type="submit" className="secondary">
            Preview
          </button>
        </div>
      </form>
      {preview && parsed?.ok ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p>
            <strong>{preview.total}</strong> signatures match ({preview.confirmed} of them confirmed and counted).
          </p>
          {preview.total > 0 ? (
            <AdminForm action={invalidateAction}>
              {Object.entries(parsed.criteria).map(([key, value]) =>
                value === undefined ? null : <input key={key} type="hidden" name={key} value={String(value)} />,
              )}
              <SubmitButton>Reject these {preview.total} signatures</SubmitButton>
            </AdminForm>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
