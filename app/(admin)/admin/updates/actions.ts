"use server";

import { z } from "zod";
import { createUpdate, deleteDraftUpdate, editDraftUpdate, getUpdate, queueUpdate } from "@/db/queries/updates";
import { optional, recordId } from "@/lib/forms/form-fields";
import { adminAction, type AdminFormState } from "@/server/admin/action";
import { textsOf, updateInputSchema } from "@/server/admin/inputs/update-input";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";
import { listUpdateTargets } from "@/server/updates/update-targets";
import { loadUpdatePreview } from "./load-preview";
import type { UpdatePreviewData } from "./update-preview";

export type UpdateFormState = AdminFormState<{ preview: UpdatePreviewData }>;

const UNKNOWN = "Unknown update.";
const page = (id: number) => `/admin/updates/${id}`;

// A new draft has no id; pressing "Save draft" saves, any other way of sending the form previews.
const updateFormSchema = updateInputSchema.safeExtend({
  id: optional(recordId(UNKNOWN)),
  intent: z.unknown().transform((intent) => (intent === "save" ? "save" : "preview")),
});

/** Previews or saves a draft: a new one without an id, else that draft. */
export const saveUpdateAction = adminAction(updateFormSchema, async (input, { admin }) => {
  const option = (await listUpdateTargets()).find((candidate) => candidate.value === input.target);
  if (!option) return { errors: { target: "Choose whose signers receive the update." } };
  const texts = textsOf(input);
  if (input.intent === "preview") return { show: { preview: await loadUpdatePreview(texts, option.target) } };
  const { id } = input;
  if (id !== undefined && !(await getUpdate(id))) return { errors: { id: UNKNOWN } };
  const saved =
    id === undefined
      ? await createUpdate(option.target, texts, admin.email)
      : await editDraftUpdate(id, option.target, texts);
  if (!saved) return { redirectTo: page(id!) }; // no longer a draft: it was sent meanwhile
  return {
    redirectTo: page(saved.id),
    audit: {
      action: id === undefined ? "update.create" : "update.edit",
      targetType: "update",
      targetId: saved.id,
      details: { for: option.value, subject: texts.en.subject, languages: Object.keys(texts) },
    },
  };
});

/** Queues the update for its recipients; pressing it again (or after a crash) reaches nobody twice. */
export const sendUpdateAction = adminAction(z.object({ id: recordId(UNKNOWN) }), async ({ id }) => {
  const update = await getUpdate(id);
  if (!update) return { errors: { id: UNKNOWN } };
  if (update.status === "sent") return { redirectTo: page(id) };
  const result = await queueUpdate(id);
  nudgeOutbox();
  return {
    redirectTo: page(id),
    audit: {
      action: "update.send",
      targetType: "update",
      targetId: id,
      details: { queued: result?.queued ?? 0, restart: update.status === "sending" },
    },
  };
});

/** Deletes a draft; one that is no longer a draft (sent meanwhile) is kept and the organiser is told. */
export const deleteDraftUpdateAction = adminAction(z.object({ id: recordId(UNKNOWN) }), async ({ id }) => {
  const update = await getUpdate(id);
  if (!update) return { errors: { id: UNKNOWN } };
  if ((await deleteDraftUpdate(id)) === 0)
    return { errors: { id: "This update is no longer a draft: it has been sent, so it is kept." } };
  return {
    redirectTo: "/admin/updates?deleted=1",
    audit: {
      action: "update.delete",
      targetType: "update",
      targetId: id,
      details: { subject: update.texts.en.subject },
    },
  };
});
