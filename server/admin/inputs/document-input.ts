import "server-only";
import { z } from "zod";
import { type Author } from "@/db/schema";
import { documentStatuses } from "@/lib/vocabulary";
import { locales } from "@/lib/i18n/locales";
import { requiredText } from "@/lib/forms/form-fields";

/** "Name — description" per line (an en dash, hyphen or em dash separates them; the description is optional). */
function parseAuthors(lines: string): Author[] {
  return lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...rest] = line.split(/\s+[—–-]\s+/);
      return { name: name.trim(), description: rest.join(" — ").trim() };
    });
}

export const formatAuthors = (authors: Author[]) =>
  authors.map((author) => (author.description ? `${author.name} — ${author.description}` : author.name)).join("\n");

/** What organisers may change on a document, one language's text at a time. Markdown; raw HTML is never rendered. */
export const documentInputSchema = z.object({
  locale: z.enum(locales, "Choose a language."),
  title: requiredText("The title", 200),
  summary: requiredText("The summary", 500),
  body: requiredText("The text", 30_000),
  addressee: requiredText("The addressee", 200),
  authors: z
    .string({ error: "The authors must be text." })
    .max(5_000, "The authors list must be at most 5,000 characters.")
    .transform(parseAuthors)
    .refine((authors) => authors.length <= 50, "At most 50 authors."),
  goal: z.coerce
    .number({ error: "The goal must be a number." })
    .int("The goal must be a whole number.")
    .min(0, "The goal cannot be negative.")
    .max(100_000_000, "The goal is too large."),
  status: z.enum(documentStatuses, "Choose draft, open or closed."),
});

export type DocumentInput = z.infer<typeof documentInputSchema>;
