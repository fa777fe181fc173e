import Link from "next/link";
import { AdminForm, CheckboxField, SelectField, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import { requireAdmin } from "@/server/auth/auth-guard";
import { createDocumentAction } from "./actions";

export const metadata = { title: "New document" };

type Props = { searchParams: Promise<{ kind?: string }> };

export default async function NewDocumentPage({ searchParams }: Props) {
  await requireAdmin();
  const kind = (await searchParams).kind === "letter" ? "letter" : "petition";
  return (
    <>
      <p>
        <Link href="/admin/documents">All documents</Link>
      </p>
      <h1>New {kind}</h1>
      <p>
        It starts as a draft that only organisers see. Write the English text here; add the Russian one on the next
        page, then open it for signatures.
      </p>
      <AdminForm action={createDocumentAction} className="form">
        <SelectField
          name="kind"
          label="Kind"
          initial={kind}
          options={[
            { value: "petition", label: "Petition" },
            { value: "letter", label: "Open letter (with authors)" },
          ]}
        />
        <TextField name="newSlug" label="Address (lower-case letters, digits and hyphens)" maxLength={80} />
        <TextField name="title" label="Title" maxLength={200} />
        <TextArea name="summary" label="Summary" rows={3} maxLength={500} />
        <TextField name="addressee" label="Addressed to" maxLength={200} />
        <TextArea name="body" label="Text (Markdown; HTML is not rendered)" rows={14} />
        <TextArea name="authors" label="Authors of a letter (one per line: Name — description)" rows={4} />
        <TextField name="goal" label="Goal (signatures)" type="number" min={0} initial="1000" />
        <TextField name="closesAt" label="Closes on (UTC; optional)" type="datetime-local" step={1} />
        <CheckboxField name="languages" value="ru" label="Also published in Russian" initial />
        <div className="actions">
          <SubmitButton>Create draft</SubmitButton>
        </div>
      </AdminForm>
    </>
  );
}
