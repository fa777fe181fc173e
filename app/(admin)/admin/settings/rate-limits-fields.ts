// The settings form's fields, shared by the form (browser) and its action (server).
export const RATE_LIMIT_FIELDS = ["burstCount", "burstSeconds", "sustainedCount", "sustainedSeconds"] as const;
export type RateLimitField = (typeof RATE_LIMIT_FIELDS)[number];
export type RateLimitsFormState = {
  values: Record<RateLimitField, string>;
  errors: Partial<Record<RateLimitField, string>>;
  attempt: number;
} | null;
