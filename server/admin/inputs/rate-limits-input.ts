import "server-only";
import { z } from "zod";
import { limitCount, limitSeconds, type RateLimitSettings } from "@/server/signing/rate-limits";

// A blank box is a missing number ("Enter a number."), not zero.
const filled = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), schema);

/** The settings form: one box per number, so that each message lands beside its box. */
export const rateLimitsInputSchema = z
  .object({
    burstCount: filled(limitCount),
    burstSeconds: filled(limitSeconds),
    sustainedCount: filled(limitCount),
    sustainedSeconds: filled(limitSeconds),
  })
  .transform((input) => ({
    burst: { count: input.burstCount, seconds: input.burstSeconds },
    sustained: { count: input.sustainedCount, seconds: input.sustainedSeconds },
  })) satisfies z.ZodType<RateLimitSettings>;
