import "server-only";
import { z } from "zod";
import { webhooksPublicOnly } from "@/lib/config";
import { checkWebhookUrl } from "@/lib/security/webhook-url";
import { apiScopes, webhookEvents } from "@/lib/vocabulary";

// The forms of /admin/api-keys and /admin/webhooks. Checkboxes arrive one field each ("scope:counts:read"
// = "on"), since an admin form keeps one value per name.

const ticked = (prefix: string, choices: readonly string[], form: Record<string, unknown>) =>
  choices.filter((choice) => form[`${prefix}:${choice}`] === "on");

const anId = z.coerce.number().int().positive();

export const apiKeyInputSchema = z
  .looseObject({
    name: z
      .string("Name the key after who uses it.")
      .trim()
      .min(1, "Name the key after who uses it.")
      .max(80, "Keep the name within 80 characters."),
    requestsPerMinute: z.coerce
      .number("Enter a number of requests a minute.")
      .int("Enter a whole number of requests a minute.")
      .min(1, "Allow at least 1 request a minute.")
      .max(10_000, "Allow at most 10,000 requests a minute."),
  })
  .transform((input, context) => {
    const scopes = ticked("scope", apiScopes, input) as (typeof apiScopes)[number][];
    if (scopes.length === 0) {
      context.addIssue({ code: "custom", path: ["scopes"], message: "Tick at least one thing the key may do." });
      return z.NEVER;
    }
    return { name: input.name, requestsPerMinute: input.requestsPerMinute, scopes };
  });

export const apiKeyIdSchema = z.object({ id: anId });

export const webhookInputSchema = z
  .looseObject({
    url: z
      .string("Enter the endpoint's URL.")
      .trim()
      .max(2000, "Keep the URL within 2,000 characters.")
      .transform((value, context) => {
        const checked = checkWebhookUrl(value, webhooksPublicOnly());
        if (!checked.ok) {
          context.addIssue({ code: "custom", message: checked.error });
          return z.NEVER;
        }
        return checked.url.toString();
      }),
  })
  .transform((input, context) => {
    const events = ticked("event", webhookEvents, input) as (typeof webhookEvents)[number][];
    if (events.length === 0) {
      context.addIssue({ code: "custom", path: ["events"], message: "Tick at least one event to send." });
      return z.NEVER;
    }
    return { url: input.url, events };
  });

export const webhookIdSchema = z.object({ id: anId });
export const webhookToggleSchema = z.object({ id: anId, disabled: z.enum(["yes", "no"]) });
