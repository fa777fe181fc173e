"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { approveHeldSignatures, invalidateSignatures, rejectSignature, restoreSignature } from "@/db/queries/moderation";
import { requireAdmin } from "@/server/auth/auth-guard";
import { parseInvalidationCriteria } from "@/server/admin/inputs/invalidation-criteria";
import { refreshPublicDocuments } from "@/server/public/public-cache";

const idSchema = z.coerce.number().int().positive();

export async function rejectAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = idSchema.parse(form.get("id"));
  const before = await rejectSignature(id);
  if (before) {
    refreshPublicDocuments();
    await recordAudit({ actor: admin.email, action: "signature.reject", targetType: "signature", targetId: id, details: { from: before.state } });
  }
  redirect(`/admin/signatures/${id}`);
}

export async function restoreAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = idSchema.parse(form.get("id"));
  const restored = await restoreSignature(id);
  if (restored) {
    refreshPublicDocuments();
    await recordAudit({ actor: admin.email, action: "signature.restore", targetType: "signature", targetId: id, details: { to: restored.state } });
  }
  redirect(`/admin/signatures/${id}`);
}

export async function invalidateAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const parsed = parseInvalidationCriteria(Object.fromEntries(form));
  if (!parsed.ok) redirect("/admin/signatures/invalidate");
  const rejected = await invalidateSignatures(parsed.criteria);
  refreshPublicDocuments();
  await recordAudit({ actor: admin.email, action: "signatures.invalidate", details: { criteria: parsed.criteria, rows: rejected } });
  redirect(`/admin/signatures/invalidate?done=${rejected}`);
}

export async function approveAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = idSchema.parse(form.get("id"));
  if ((await approveHeldSignatures({ ids: [id] })) > 0) {
    refreshPublicDocuments();
    await recordAudit({ actor: admin.email, action: "signature.approve", targetType: "signature", targetId: id });
  }
  redirect(`/admin/signatures/${id}`);
}

const optionalIdSchema = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number().int().positive().optional());

/** Approves the held signatures (of one document, if chosen) the organiser has looked at. */
export async function approveHeldAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const documentId = optionalIdSchema.parse(form.get("documentId"));
  const upToId = optionalIdSchema.parse(form.get("upToId"));
  const approved = await approveHeldSignatures({ documentId, upToId });
  refreshPublicDocuments();
  await recordAudit({ actor: admin.email, action: "signatures.approve-held", details: { documentId: documentId ?? "all", upToId, rows: approved } });
  redirect(`/admin/review?approved=${approved}`);
}
