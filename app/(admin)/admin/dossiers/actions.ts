"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { findDocumentBySlug } from "@/db/queries/documents";
import { locales } from "@/lib/i18n/locales";
import { requireAdmin } from "@/server/auth/auth-guard";
import { startDossier } from "@/server/jobs/dossier-jobs";
import { documentSlug } from "@/lib/forms/form-fields";

const requestSchema = z.object({ document: documentSlug, locale: z.enum(locales) });

export async function generateDossierAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const parsed = requestSchema.safeParse(Object.fromEntries(form));
  const document = parsed.success ? await findDocumentBySlug(parsed.data.document) : undefined;
  if (!parsed.success || !document) redirect("/admin/dossiers?error=1");
  const dossier = await startDossier(document, parsed.data.locale, admin.email);
  await recordAudit({
    actor: admin.email,
    action: "dossier.generate",
    targetType: "dossier",
    targetId: dossier.id,
    details: { document: document.slug, locale: parsed.data.locale, signatures: dossier.total },
  });
  redirect(`/admin/dossiers?started=${dossier.id}`);
}
