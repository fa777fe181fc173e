"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/db/queries/audit";
import { insertWebhookEndpoint, queueTestEvent, setWebhookEndpointDisabled } from "@/db/queries/webhooks";
import { adminAction } from "@/server/admin/action";
import { webhookIdSchema, webhookInputSchema, webhookToggleSchema } from "@/server/admin/inputs/partner-inputs";
import { newWebhookSecret, sealWebhookSecret } from "@/server/webhooks/secret";
import { nudgeWebhooks } from "@/server/webhooks/webhook-worker";

/** Registers an endpoint and shows its signing secret once, beside the form. */
export const createWebhookAction = adminAction(webhookInputSchema, async (input, { admin }) => {
  const secret = newWebhookSecret();
  const id = await insertWebhookEndpoint({ ...input, secret: sealWebhookSecret(secret), createdBy: admin.email });
  await recordAudit({
    actor: admin.email,
    action: "webhook.create",
    targetType: "webhook",
    targetId: id,
    details: { url: input.url, events: input.events },
  });
  revalidatePath("/admin/webhooks");
  return { show: { secret, url: input.url } };
});

export const toggleWebhookAction = adminAction(webhookToggleSchema, async ({ id, disabled }) => {
  const url = await setWebhookEndpointDisabled(id, disabled === "yes");
  if (url === null) return { errors: { id: "Unknown endpoint." } };
  return {
    redirectTo: "/admin/webhooks",
    audit: {
      action: disabled === "yes" ? "webhook.disable" : "webhook.enable",
      targetType: "webhook",
      targetId: id,
      details: { url },
    },
  };
});

export const testWebhookAction = adminAction(webhookIdSchema, async ({ id }) => {
  const eventId = await queueTestEvent(id);
  if (eventId === null) return { errors: { id: "Unknown endpoint." } };
  nudgeWebhooks();
  return {
    redirectTo: "/admin/webhooks?tested=1",
    audit: { action: "webhook.test", targetType: "webhook", targetId: id, details: { eventId } },
  };
});
