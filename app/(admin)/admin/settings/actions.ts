"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { requireAdmin } from "@/server/auth/auth-guard";
import { rateLimitsInForce, rateLimitsSchema, saveRateLimits } from "@/server/signing/rate-limits";
import { RATE_LIMIT_FIELDS as FIELDS, type RateLimitField as Field, type RateLimitsFormState } from "./rate-limits-fields";

const blank = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** Saves the organisers' rate limits; the signing path applies them from the next signature on. */
export async function saveRateLimitsAction(previous: RateLimitsFormState, form: FormData): Promise<RateLimitsFormState> {
  const admin = await requireAdmin();
  const values = Object.fromEntries(FIELDS.map((key) => [key, String(form.get(key) ?? "")])) as Record<Field, string>;
  const parsed = rateLimitsSchema.safeParse({
    burst: { count: blank(values.burstCount), seconds: blank(values.burstSeconds) },
    sustained: { count: blank(values.sustainedCount), seconds: blank(values.sustainedSeconds) },
  });
  if (!parsed.success) {
    const errors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const [window, part] = issue.path as [string, string];
      errors[`${window}${part === "count" ? "Count" : "Seconds"}` as Field] ??= issue.message;
    }
    return { values, errors, attempt: (previous?.attempt ?? 0) + 1 };
  }
  const before = await rateLimitsInForce();
  await saveRateLimits(parsed.data);
  await recordAudit({ actor: admin.email, action: "settings.rate-limits", details: { from: before.limits, to: parsed.data } });
  redirect("/admin/settings?saved=1");
}

/** Forgets the organisers' limits: the environment's (RATE_LIMIT_BURST, RATE_LIMIT_SUSTAINED) apply again. */
export async function resetRateLimitsAction(): Promise<void> {
  const admin = await requireAdmin();
  const before = await rateLimitsInForce();
  await saveRateLimits(null);
  await recordAudit({ actor: admin.email, action: "settings.rate-limits-reset", details: { from: before.limits, to: (await rateLimitsInForce()).limits } });
  redirect("/admin/settings?reset=1");
}
