import { z } from "zod";
import { isCountryCode } from "./countries";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-27.");

/** What a bulk invalidation matches. At least one narrowing criterion: never "everything". */
export const invalidationCriteriaSchema = z
  .object({
    document: z.preprocess(blank, z.string().max(100).regex(/^[a-z0-9-]+$/, "Unknown document.").optional()),
    domain: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((value) => value.replace(/^@/, ""))
        .pipe(z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, "Enter a domain like example.org."))
        .optional(),
    ),
    country: z.preprocess(
      blank,
      z.string().trim().toUpperCase().refine(isCountryCode, "Enter a two-letter country code like RU.").optional(),
    ),
    from: z.preprocess(blank, isoDate.optional()),
    to: z.preprocess(blank, isoDate.optional()),
    nameContains: z.preprocess(blank, z.string().trim().min(2, "Enter at least 2 characters.").max(120).optional()),
  })
  .refine(
    (criteria) => Boolean(criteria.domain || criteria.country || criteria.from || criteria.to || criteria.nameContains),
    { message: "Choose at least one criterion besides the document.", path: ["form"] },
  );

export type InvalidationCriteria = z.infer<typeof invalidationCriteriaSchema>;
export type CriteriaErrors = Partial<Record<keyof InvalidationCriteria | "form", string>>;

export function parseInvalidationCriteria(input: Record<string, unknown>) {
  const parsed = invalidationCriteriaSchema.safeParse(input);
  if (parsed.success) return { ok: true as const, criteria: parsed.data };
  const errors: CriteriaErrors = {};
  for (const issue of parsed.error.issues) errors[(issue.path[0] ?? "form") as keyof CriteriaErrors] ??= issue.message;
  return { ok: false as const, errors };
}
