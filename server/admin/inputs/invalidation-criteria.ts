import "server-only";
import { z } from "zod";
import type { InvalidationCriteria } from "@/db/queries/moderation";
import { isCountryCode } from "@/lib/i18n/countries";
import { documentSlug, isoDate, messagesByField, optional } from "@/lib/forms/form-fields";

/** What a bulk invalidation matches. At least one narrowing criterion: never "everything". */
export const invalidationCriteriaSchema = z
  .object({
    document: optional(documentSlug),
    domain: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((value) => value.replace(/^@/, ""))
        .pipe(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, "Enter a domain like example.org.")),
    ),
    country: optional(
      z.string().trim().toUpperCase().refine(isCountryCode, "Enter a two-letter country code like RU."),
    ),
    from: optional(isoDate),
    to: optional(isoDate),
    nameContains: optional(z.string().trim().min(2, "Enter at least 2 characters.").max(120)),
    ipHash: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{22}$/, "Paste an address hash from the anomalies view."),
    ),
    // A checkbox ("on"), a link ("1"), or the preview's hidden field ("true").
    heldOnly: z.preprocess(
      (value) => (value === true || value === "on" || value === "1" || value === "true" ? true : undefined),
      z.literal(true).optional(),
    ),
  })
  .refine(
    (criteria) =>
      Boolean(
        criteria.domain ||
        criteria.country ||
        criteria.from ||
        criteria.to ||
        criteria.nameContains ||
        criteria.ipHash ||
        criteria.heldOnly,
      ),
    { message: "Choose at least one criterion besides the document.", path: ["form"] },
  ) satisfies z.ZodType<InvalidationCriteria>;

export function parseInvalidationCriteria(input: Record<string, unknown>) {
  const parsed = invalidationCriteriaSchema.safeParse(input);
  if (parsed.success) return { ok: true as const, criteria: parsed.data };
  return { ok: false as const, errors: messagesByField<keyof InvalidationCriteria>(parsed.error) };
}
