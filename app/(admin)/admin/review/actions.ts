"use server";

import { z } from "zod";
import { findDocumentBySlug } from "@/db/queries/documents";
import { invalidateSignatures } from "@/db/queries/moderation";
import { documentSlug, optional } from "@/lib/forms/form-fields";
import { adminAction } from "@/server/admin/action";
import { withoutPersonalTerms } from "@/server/admin/audit-details";

const heldOfSchema = z.object({ document: optional(documentSlug) });

/** Rejects the held signatures of one document (or all): the bulk invalidation, limited to held ones. */
export const rejectHeldAction = adminAction(heldOfSchema, async ({ document }) => {
  if (document && !(await findDocumentBySlug(document))) return { errors: { document: "Unknown document." } };
  const criteria = { document, heldOnly: true as const };
  const rejected = await invalidateSignatures(criteria);
  return {
    redirectTo: `/admin/review?rejected=${rejected}`,
    refresh: true,
    audit: { action: "signatures.invalidate", details: { criteria: withoutPersonalTerms(criteria), rows: rejected } },
  };
});
