import { z } from "zod";

const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A required text field with its label in each message: trimmed, not empty, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, `${label} cannot be empty.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** An optional field: a form's blank input ("") counts as absent. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-27.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "That date does not exist.");

export const documentSlug = z.string().max(100).regex(/^[a-z0-9-]+$/, "Unknown document.");

/** The first message per field, ready to show beside it; an issue tied to no field goes under "form". */
export function messagesByField<Field extends string>(error: z.ZodError): Partial<Record<Field | "form", string>> {
  const messages: Partial<Record<Field | "form", string>> = {};
  for (const issue of error.issues) messages[(issue.path[0] ?? "form") as Field | "form"] ??= issue.message;
  return messages;
}
