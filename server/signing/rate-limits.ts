import "server-only";
import { z } from "zod";
import type { RateLimits } from "@/db/queries/signatures";
import { deleteSetting, getSetting, saveSetting } from "@/db/queries/settings";
import { getConfig } from "@/lib/config";

const SETTING = "rate-limits";

export const limitCount = z.coerce
  .number({ error: "Enter a number." })
  .int("Enter a whole number.")
  .min(1, "At least 1.")
  .max(100_000, "At most 100,000.");
export const limitSeconds = z.coerce
  .number({ error: "Enter a number." })
  .int("Enter a whole number.")
  .min(1, "At least 1 second.")
  .max(86_400 * 7, "At most a week (604,800 seconds).");
const windowSchema = z.object({ count: limitCount, seconds: limitSeconds });
export const rateLimitsSchema = z.object({ burst: windowSchema, sustained: windowSchema });
export type RateLimitSettings = z.infer<typeof rateLimitsSchema>;
export type RateLimitsInForce = { limits: RateLimitSettings; source: "organisers" | "environment"; enabled: boolean };

// On globalThis: the admin's save and the signing path may run in different bundles of one process, and
// the save must reach the signing path at once. Other instances on the same database read it again within
// CACHE_MS, the bound on staleness every instance keeps for organisers' changes.
const CACHE_MS = 5_000;
const cache = ((
  globalThis as { __delegationRateLimits?: { value?: RateLimitsInForce; readAt?: number } }
).__delegationRateLimits ??= {});

/** The environment's limits (RATE_LIMIT_BURST, RATE_LIMIT_SUSTAINED). */
export function defaultRateLimits(): RateLimitSettings {
  const { RATE_LIMIT_BURST: burst, RATE_LIMIT_SUSTAINED: sustained } = getConfig();
  return { burst, sustained };
}

/** The organisers' limits if they saved some, else the environment's; and whether RATE_LIMITS=off. */
export async function rateLimitsInForce(): Promise<RateLimitsInForce> {
  if (!cache.value || Date.now() - (cache.readAt ?? 0) > CACHE_MS) {
    const saved = rateLimitsSchema.safeParse(await getSetting(SETTING));
    cache.value = {
      limits: saved.success ? saved.data : defaultRateLimits(),
      source: saved.success ? "organisers" : "environment",
      enabled: getConfig().RATE_LIMITS !== "off",
    };
    cache.readAt = Date.now();
  }
  return cache.value;
}

/** The limits the signing path applies: none when RATE_LIMITS=off. */
export async function currentRateLimits(): Promise<RateLimits> {
  const { limits, enabled } = await rateLimitsInForce();
  return enabled ? limits : null;
}

/** Saves the organisers' limits, or with null goes back to the environment's. */
export async function saveRateLimits(limits: RateLimitSettings | null) {
  if (limits) await saveSetting(SETTING, limits);
  else await deleteSetting(SETTING);
  cache.value = undefined;
}
