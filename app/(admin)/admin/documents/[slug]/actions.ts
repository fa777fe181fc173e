"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { findDocumentBySlug, updateDocument } from "@/db/queries/documents";
import { requireAdmin } from "@/server/auth/auth-guard";
import { messagesByField } from "@/lib/forms/form-fields";
import { refreshPublicDocuments } from "@/server/public/public-cache";
import { documentInputSchema, type DocumentErrors, type DocumentInput } from "@/server/admin/inputs/document-input";

// Plain data only: a React element in the state would break the form's second submission without JavaScript.
export type EditState = { values: Record<string, string>; errors: DocumentErrors; preview?: DocumentInput; attempt: number } | null;

const FIELDS = ["locale", "title", "summary", "body", "addressee", "authors", "goal", "status"] as const;

export async function editDocumentAction(slug: string, previous: EditState, form: FormData): Promise<EditState> {
  const admin = await requireAdmin();
  const values = Object.fromEntries(FIELDS.map((key) => [key, String(form.get(key) ?? "")]));
  const attempt = (previous?.attempt ?? 0) + 1;
  const parsed = documentInputSchema.safeParse(values);
  if (!parsed.success) return { values, errors: messagesByField<keyof DocumentInput>(parsed.error), attempt };
  if (form.get("intent") !== "save") return { values, errors: {}, preview: parsed.data, attempt };

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
