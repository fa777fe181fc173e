"use server";

import { z } from "zod";
import { adminAction } from "@/server/admin/action";
import { rateLimitsInputSchema } from "@/server/admin/inputs/rate-limits-input";
import { rateLimitsInForce, saveRateLimits } from "@/server/signing/rate-limits";

/** Saves the organisers' rate limits; the signing path applies them from the next signature on. */
export const saveRateLimitsAction = adminAction(rateLimitsInputSchema, async (limits) => {
  const before = await rateLimitsInForce();
  await saveRateLimits(limits);
  return {
    redirectTo: "/admin/settings?saved=1",
    audit: { action: "settings.rate-limits", details: { from: before.limits, to: limits } },
  };
});

/** Forgets the organisers' limits: the environment's (RATE_LIMIT_BURST, RATE_LIMIT_SUSTAINED) apply again. */
export const resetRateLimitsAction = adminAction(z.object({}), async () => {
  const before = await rateLimitsInForce();
  await saveRateLimits(null);
  return {
    redirectTo: "/admin/settings?reset=1",
    audit: {
      action: "settings.rate-limits-reset",
      details: { from: before.limits, to: (await rateLimitsInForce()).limits },
    },
  };
});
