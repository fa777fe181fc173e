import { z } from "zod";
import { documentStatuses } from "@/db/schema";

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, `${label} cannot be empty.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** What organisers may change on a document. The body is Markdown; raw HTML in it is never rendered. */
export const documentInputSchema = z.object({
  title: text("The title", 200),
  summary: text("The summary", 500),
  body: text("The text", 30_000),
  addressee: text("The addressee", 200),
  goal: z.coerce
    .number({ error: "The goal must be a number." })
    .int("The goal must be a whole number.")
    .min(0, "The goal cannot be negative.")
    .max(100_000_000, "The goal is too large."),
  status: z.enum(documentStatuses, "Choose draft, open or closed."),
});

export type DocumentInput = z.infer<typeof documentInputSchema>;
export type DocumentErrors = Partial<Record<keyof DocumentInput, string>>;
