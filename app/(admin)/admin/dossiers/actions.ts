"use server";

import { z } from "zod";
import { findDocumentBySlug } from "@/db/queries/documents";
import { documentSlug } from "@/lib/forms/form-fields";
import { locales } from "@/lib/i18n/locales";
import { adminAction } from "@/server/admin/action";
import { startDossier } from "@/server/jobs/dossier-jobs";

const requestSchema = z.object({
  document: documentSlug,
  locale: z.enum(locales, "Choose the language of the cover."),
});

export const generateDossierAction = adminAction(requestSchema, async (input, { admin }) => {
  const document = await findDocumentBySlug(input.document);
  if (!document) return { errors: { document: "Unknown document." } };
  const dossier = await startDossier(document, input.locale, admin.email);
  return {
    redirectTo: `/admin/dossiers?started=${dossier.id}`,
    audit: {
      action: "dossier.generate",
      targetType: "dossier",
      targetId: dossier.id,
      details: { document: document.slug, locale: input.locale, signatures: dossier.total },
    },
  };
});
