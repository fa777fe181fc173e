"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { invalidateSignatures } from "@/db/queries/moderation";
import { requireAdmin } from "@/server/auth/auth-guard";
import { documentSlug, optional } from "@/lib/forms/form-fields";
import { refreshPublicDocuments } from "@/server/public/public-cache";

const documentSchema = optional(documentSlug);

/** Rejects the held signatures of one document (or all): the bulk invalidation, limited to held ones. */
export async function rejectHeldAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const document = documentSchema.parse(form.get("document") ?? undefined);
  const criteria = { document, heldOnly: true as const };
  const rejected = await invalidateSignatures(criteria);
  refreshPublicDocuments();
  await recordAudit({ actor: admin.email, action: "signatures.invalidate", details: { criteria, rows: rejected } });
  redirect(`/admin/review?rejected=${rejected}`);
}
