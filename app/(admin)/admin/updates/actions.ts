"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { createUpdate, editDraftUpdate, getUpdate, queueUpdate } from "@/db/queries/updates";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";
import { requireAdmin } from "@/server/auth/auth-guard";
import { messagesByField } from "@/lib/forms/form-fields";
import { textsOf, UPDATE_FIELDS, updateInputSchema, type UpdateErrors, type UpdateInput } from "@/server/admin/inputs/update-input";
import { listUpdateTargets } from "@/server/updates/update-targets";
import { loadUpdatePreview } from "./load-preview";
import type { UpdatePreviewData } from "./update-preview";

export type UpdateFormState = { values: Record<string, string>; errors: UpdateErrors; preview?: UpdatePreviewData; attempt: number } | null;

const idSchema = z.coerce.number().int().positive();

/** Previews (intent "preview") or saves a draft: a new one when `id` is null, else that draft. */
export async function saveUpdateAction(id: number | null, previous: UpdateFormState, form: FormData): Promise<UpdateFormState> {
  const admin = await requireAdmin();
  const values = Object.fromEntries(UPDATE_FIELDS.map((key) => [key, String(form.get(key) ?? "")]));
  const attempt = (previous?.attempt ?? 0) + 1;
  const parsed = updateInputSchema.safeParse(values);
  const option = parsed.success ? (await listUpdateTargets()).find((candidate) => candidate.value === parsed.data.target) : undefined;
  if (!parsed.success || !option) {
    const errors = parsed.success ? { target: "Choose whose signers receive the update." } : messagesByField<keyof UpdateInput>(parsed.error);
    return { values, errors, attempt };
  }
  const texts = textsOf(parsed.data);
  if (form.get("intent") !== "save") {
    return { values, errors: {}, preview: await loadUpdatePreview(texts, option.target), attempt };
  }
  const saved = id === null ? await createUpdate(option.target, texts, admin.email) : await editDraftUpdate(id, option.target, texts);
  if (!saved) redirect(`/admin/updates/${id}`); // no longer a draft: it was sent meanwhile
  await recordAudit({
    actor: admin.email,
    action: id === null ? "update.create" : "update.edit",
    targetType: "update",
    targetId: saved.id,
    details: { for: option.value, subject: texts.en.subject, languages: Object.keys(texts) },
  });
  redirect(`/admin/updates/${saved.id}`);
}

/** Queues the update for its recipients; pressing it again (or after a crash) reaches nobody twice. */
export async function sendUpdateAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = idSchema.parse(form.get("id"));
  const update = await getUpdate(id);
  if (!update || update.status === "sent") redirect(`/admin/updates/${id}`);
  const result = await queueUpdate(id);
  await recordAudit({
    actor: admin.email,
    action: "update.send",
    targetType: "update",
    targetId: id,
    details: { queued: result?.queued ?? 0, restart: update.status === "sending" },
  });
  nudgeOutbox();
  redirect(`/admin/updates/${id}`);
}
