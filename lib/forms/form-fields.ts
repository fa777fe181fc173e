import { z } from "zod";

const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A required text field with its label in each message: trimmed, not empty, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} cannot be empty.` : `${label} must be text.`) })
    .trim()
    .min(1, `${label} cannot be empty.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** An optional field: a form's blank input ("") counts as absent. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

export const isoDate = z
  .string({ error: "Use a date like 2026-11-27." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-27.")
  // Date.parse takes 1989-02-30 for 2 March: the date must come back as written.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, "That date does not exist.");

export const documentSlug = z
  .string({ error: "Unknown document." })
  .max(100, "Unknown document.")
  .regex(/^[a-z0-9-]+$/, "Unknown document.");

/** A record's id as a form sends it: digits only, at most 15 (always a safe integer), else `message`. */
export const recordId = (message: string) =>
  z
    .string({ error: message })
    .regex(/^[1-9][0-9]{0,14}$/, message)
    .transform(Number);

/** The first message per field, ready to show beside it; an issue tied to no field goes under "form". */
export function messagesByField<Field extends string>(error: z.ZodError): Partial<Record<Field | "form", string>> {
  const messages: Partial<Record<Field | "form", string>> = {};
  for (const issue of error.issues) messages[(issue.path[0] ?? "form") as Field | "form"] ??= issue.message;
  return messages;
}
