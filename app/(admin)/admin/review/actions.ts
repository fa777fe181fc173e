"use server";

import { z } from "zod";
import { findDocumentBySlug } from "@/db/queries/documents";
import { invalidateSignatures } from "@/db/queries/moderation";
import { documentSlug, optional, recordId } from "@/lib/forms/form-fields";
import { roleAction } from "@/server/admin/action";
import { releaseHeldSignatures } from "@/server/signing/email-holds";
import { withoutPersonalTerms } from "@/server/admin/audit-details";

const heldOfSchema = z.object({ document: optional(documentSlug) });

/** Rejects the held signatures of one document (or all): the bulk invalidation, limited to held ones. */
export const rejectHeldAction = roleAction("moderator", heldOfSchema, async ({ document }) => {
  if (document && !(await findDocumentBySlug(document))) return { errors: { document: "Unknown document." } };
  const criteria = { document, heldOnly: true as const };
  const rejected = await invalidateSignatures(criteria);
  return {
    redirectTo: `/admin/review?rejected=${rejected}`,
    refresh: true,
    audit: { action: "signatures.invalidate", details: { criteria: withoutPersonalTerms(criteria), rows: rejected } },
  };
});

const releaseSchema = z.object({
  documentId: optional(recordId("Unknown document.")),
  upToId: recordId("Reload the page and try again."),
});

/**
 * Releases the signatures held without email (their client had caused its share of emails), those the
 * organiser saw: each gets its confirmation email now, within its address's daily share.
 */
export const releaseHeldEmailsAction = roleAction("moderator", releaseSchema, async ({ documentId, upToId }) => {
  const { released, emailed } = await releaseHeldSignatures({ documentId, upToId });
  return {
    redirectTo: `/admin/review?released=${released}`,
    audit: {
      action: "signatures.release-emails",
      targetType: documentId ? "document" : undefined,
      targetId: documentId,
      details: { upToId, released, emailed },
    },
  };
});
