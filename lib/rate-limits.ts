import { z } from "zod";
import type { RateLimits } from "@/db/queries/signatures";
import { deleteSetting, getSetting, saveSetting } from "@/db/queries/settings";
import { getConfig } from "./config";

const SETTING = "rate-limits";

const windowSchema = z.object({
  count: z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(1, "At least 1.").max(100_000, "At most 100,000."),
  seconds: z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(1, "At least 1 second.").max(86_400 * 7, "At most a week."),
});
export const rateLimitsSchema = z.object({ burst: windowSchema, sustained: windowSchema });
export type RateLimitSettings = z.infer<typeof rateLimitsSchema>;

let cached: { value: RateLimits } | undefined;

/** The environment's limits (RATE_LIMIT_BURST, RATE_LIMIT_SUSTAINED). */
export function defaultRateLimits(): RateLimitSettings {
  const { RATE_LIMIT_BURST: burst, RATE_LIMIT_SUSTAINED: sustained } = getConfig();
  return { burst, sustained };
}

/** The limits in force: none when RATE_LIMITS=off, else the organisers' settings over the environment's. */
export async function currentRateLimits(): Promise<RateLimits> {
  if (getConfig().RATE_LIMITS === "off") return null;
  if (!cached) {
    const saved = rateLimitsSchema.safeParse(await getSetting(SETTING));
    cached = { value: saved.success ? saved.data : defaultRateLimits() };
  }
  return cached.value;
}

export async function saveRateLimits(limits: RateLimitSettings | null) {
  if (limits) await saveSetting(SETTING, limits);
  else await deleteSetting(SETTING);
  cached = undefined;
}
