"use server";

import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Markdown } from "@/app/_components/markdown";
import { recordAudit } from "@/db/queries/audit";
import { findDocumentBySlug, updateDocument } from "@/db/queries/documents";
import { requireAdmin } from "@/lib/auth-guard";
import { messagesByField } from "@/lib/form-fields";
import { refreshPublicDocuments } from "@/lib/public-cache";
import { documentInputSchema, type DocumentErrors, type DocumentInput } from "@/lib/document-input";

export type EditState = { values: Record<string, string>; errors: DocumentErrors; preview?: ReactNode; attempt: number } | null;

const FIELDS = ["locale", "title", "summary", "body", "addressee", "authors", "goal", "status"] as const;

export async function editDocumentAction(slug: string, previous: EditState, form: FormData): Promise<EditState> {
  const admin = await requireAdmin();
  const values = Object.fromEntries(FIELDS.map((key) => [key, String(form.get(key) ?? "")]));
  const attempt = (previous?.attempt ?? 0) + 1;
  const parsed = documentInputSchema.safeParse(values);
  if (!parsed.success) return { values, errors: messagesByField<keyof DocumentInput>(parsed.error), attempt };
  if (form.get("intent") !== "save") return { values, errors: {}, preview: <DocumentPreview input={parsed.data} />, attempt };

  const document = await findDocumentBySlug(String(slug));
  if (!document) redirect("/admin/documents");
  const { locale, goal, status, ...text } = parsed.data;
  const result = await updateDocument(document.id, { locale, goal, status, text });
  if (result && result.changed.length > 0) {
    refreshPublicDocuments();
    await recordAudit({
      actor: admin.email,
      action: "document.update",
      targetType: "document",
      targetId: document.slug,
      details: { locale, changed: result.changed, version: { from: result.document.currentVersion, to: result.version } },
    });
  }
  redirect(`/admin/documents/${document.slug}?lang=${locale}&saved=1`);
}

/** Rendered on the server exactly as the public page renders the text. */
function DocumentPreview({ input }: { input: DocumentInput }) {
  return (
    <section className="card" aria-labelledby="preview-heading" lang={input.locale}>
      <h2 id="preview-heading">Preview (not saved yet)</h2>
      <p className="kind">Status: {input.status}, goal {input.goal.toLocaleString("en")}</p>
      <h3>{input.title}</h3>
      <p className="addressee">To: {input.addressee}</p>
      <p>{input.summary}</p>
      <div className="document-text">
        <Markdown>{input.body}</Markdown>
      </div>
      {input.authors.length > 0 ? (
        <ul className="authors">
          {input.authors.map((author) => (
            <li key={author.name}>
              <strong>{author.name}</strong>
              {author.description ? `, ${author.description}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
