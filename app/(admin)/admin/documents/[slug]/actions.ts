"use server";

import { z } from "zod";
import { findDocumentBySlug, updateDocument } from "@/db/queries/documents";
import { documentSlug } from "@/lib/forms/form-fields";
import { adminAction, type AdminFormState } from "@/server/admin/action";
import { documentInputSchema, type DocumentInput } from "@/server/admin/inputs/document-input";

export type EditState = AdminFormState<{ preview: DocumentInput }>;

// Pressing "Save changes" saves; any other way of sending the form previews.
const editSchema = documentInputSchema.extend({
  slug: documentSlug,
  intent: z.unknown().transform((intent) => (intent === "save" ? "save" : "preview")),
});

export const editDocumentAction = adminAction(editSchema, async ({ slug, intent, ...input }) => {
  if (intent === "preview") return { show: { preview: input } };
  const document = await findDocumentBySlug(slug);
  if (!document) return { errors: { slug: "Unknown document." } };
  const { locale, goal, status, ...text } = input;
  if (status === "open" && document.status !== "open" && document.closesAt && document.closesAt.getTime() <= Date.now())
    return { errors: { status: "Its closing date has passed: move or clear it below before opening it again." } };
  const result = await updateDocument(document.id, { locale, goal, status, text });
  const changed = result && result.changed.length > 0;
  return {
    redirectTo: `/admin/documents/${document.slug}?lang=${locale}&saved=1`,
    refresh: Boolean(changed),
    audit: changed
      ? {
          action: "document.update",
          targetType: "document",
          targetId: document.slug,
          details: {
            locale,
            changed: result.changed,
            version: { from: result.document.currentVersion, to: result.version },
          },
        }
      : undefined,
  };
});
