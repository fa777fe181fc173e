"use server";

import { z } from "zod";
import { findDocumentBySlug, getLocalizedDocumentById } from "@/db/queries/documents";
import {
  approveHeldSignatures,
  getSignatureWithDocument,
  invalidateSignatures,
  rejectSignature,
  restoreSignature,
} from "@/db/queries/moderation";
import { optional, recordId } from "@/lib/forms/form-fields";
import { adminAction, roleAction } from "@/server/admin/action";
import { withoutPersonalTerms } from "@/server/admin/audit-details";
import { invalidationCriteriaSchema } from "@/server/admin/inputs/invalidation-criteria";

const UNKNOWN = "Unknown signature.";
const signatureSchema = z.object({ id: recordId(UNKNOWN) });
const page = (id: number) => `/admin/signatures/${id}`;
// Reviewing one signature (approve, reject, restore) is a moderator's work; bulk invalidation is an organiser's.

// A signature that exists but is no longer in a state the button applies to (pressed twice, or changed by
// another organiser meanwhile) is simply shown as it is now.
const unknownOrUnchanged = async (id: number) =>
  (await getSignatureWithDocument(id)) ? { redirectTo: page(id) } : { errors: { id: UNKNOWN } };

export const rejectAction = roleAction("moderator", signatureSchema, async ({ id }) => {
  const before = await rejectSignature(id);
  if (!before) return unknownOrUnchanged(id);
  return {
    redirectTo: page(id),
    refresh: true,
    audit: { action: "signature.reject", targetType: "signature", targetId: id, details: { from: before.state } },
  };
});

export const restoreAction = roleAction("moderator", signatureSchema, async ({ id }) => {
  const restored = await restoreSignature(id);
  if (!restored) return unknownOrUnchanged(id);
  return {
    redirectTo: page(id),
    refresh: true,
    audit: { action: "signature.restore", targetType: "signature", targetId: id, details: { to: restored.state } },
  };
});

export const approveAction = roleAction("moderator", signatureSchema, async ({ id }) => {
  if ((await approveHeldSignatures({ ids: [id] })) === 0) return unknownOrUnchanged(id);
  return {
    redirectTo: page(id),
    refresh: true,
    audit: { action: "signature.approve", targetType: "signature", targetId: id },
  };
});

export const invalidateAction = adminAction(invalidationCriteriaSchema, async (criteria) => {
  if (criteria.document && !(await findDocumentBySlug(criteria.document)))
    return { errors: { document: "Unknown document." } };
  const rejected = await invalidateSignatures(criteria);
  return {
    redirectTo: `/admin/signatures/invalidate?done=${rejected}`,
    refresh: true,
    audit: { action: "signatures.invalidate", details: { criteria: withoutPersonalTerms(criteria), rows: rejected } },
  };
});

const heldSchema = z.object({
  documentId: optional(recordId("Unknown document.")),
  upToId: optional(recordId(UNKNOWN)),
});

/** Approves the held signatures (of one document, if chosen) the organiser has looked at. */
export const approveHeldAction = roleAction("moderator", heldSchema, async ({ documentId, upToId }) => {
  if (documentId && !(await getLocalizedDocumentById(documentId, "en")))
    return { errors: { documentId: "Unknown document." } };
  const approved = await approveHeldSignatures({ documentId, upToId });
  return {
    redirectTo: `/admin/review?approved=${approved}`,
    refresh: true,
    audit: { action: "signatures.approve-held", details: { documentId: documentId ?? "all", upToId, rows: approved } },
  };
});
