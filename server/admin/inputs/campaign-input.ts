import "server-only";
import { z } from "zod";
import type { FaqItem } from "@/db/schema";
import { optional, requiredText } from "@/lib/forms/form-fields";
import type { Locale } from "@/lib/i18n/locales";
import { documentKinds, documentOutcomes } from "@/lib/vocabulary";
import { documentInputSchema } from "./document-input";

/** A new address: what the public pages and links will use. */
const newSlug = z
  .string({ error: "The address cannot be empty." })
  .trim()
  .min(3, "The address must be at least 3 characters.")
  .max(80, "The address must be at most 80 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like free-the-archives.");

/** "2026-12-31T18:00" (seconds optional) as the form's datetime-local sends it, read as UTC. */
const utcDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Use a date and time like 2026-12-31T18:00.")
  .transform((value, context) => {
    const time = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
    if (Number.isNaN(time)) {
      context.addIssue({ code: "custom", message: "That date does not exist." });
      return z.NEVER;
    }
    return new Date(time);
  });

const closingDate = optional(utcDateTime).transform((value) => value ?? null);

/** English always (every other language falls back to it); the ticked box ("languages" = "ru") adds Russian. */
const languages = z
  .unknown()
  .optional()
  .transform((value): Locale[] => (value === "ru" ? ["en", "ru"] : ["en"]));

const { title, summary, body, addressee, authors, goal } = documentInputSchema.shape;

export const newDocumentSchema = z.object({
  kind: z.enum(documentKinds, "Choose a petition or a letter."),
  newSlug,
  title,
  summary,
  body,
  addressee,
  authors,
  goal,
  closesAt: closingDate,
  languages,
});

export const scheduleSchema = z.object({ slug: z.string(), newSlug, closesAt: closingDate, languages });

const sourceUrl = optional(
  z
    .url({ protocol: /^https?$/, error: "The source must be a web address starting with http:// or https://." })
    .max(1000, "The source address is too long."),
).transform((value) => value ?? null);

export const responseSchema = z
  .object({
    slug: z.string(),
    intent: z
      .unknown()
      .optional()
      .transform((intent) => (intent === "notify" ? "notify" : "save")),
    outcome: z.enum(["", ...documentOutcomes], "Choose an outcome.").transform((value) => value || null),
    respondedOn: optional(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-27.")
        .transform((value) => new Date(`${value}T00:00:00Z`))
        .refine((date) => !Number.isNaN(date.getTime()), "That date does not exist."),
    ),
    responseText: optional(requiredText("The response", 20_000)),
    sourceUrl,
  })
  .superRefine((input, context) => {
    if (input.responseText && !input.respondedOn)
      context.addIssue({ code: "custom", path: ["respondedOn"], message: "Give the date of the response." });
    if (!input.responseText && (input.respondedOn || input.sourceUrl))
      context.addIssue({ code: "custom", path: ["responseText"], message: "Give the text of the response." });
    if (input.intent === "notify" && !input.responseText)
      context.addIssue({
        code: "custom",
        path: ["responseText"],
        message: "Record a response before telling signers.",
      });
  });

/**
 * A campaign's questions, written as "## Question" lines each followed by its answer (Markdown). Text
 * before the first question has nowhere to go: it is refused rather than lost.
 */
export function parseFaq(text: string): FaqItem[] | string {
  const items: FaqItem[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const question = line.match(/^##\s+(.*)$/);
    if (question) items.push({ question: question[1].trim(), answer: "" });
    else if (items.length > 0) items[items.length - 1].answer += `${line}\n`;
    else if (line.trim()) return "Start each question with “## ” on its own line, its answer below it.";
  }
  for (const item of items) {
    item.answer = item.answer.trim();
    if (!item.question || !item.answer) return "Every question needs a question line and an answer below it.";
  }
  return items.length > 30 ? "At most 30 questions." : items;
}

export const formatFaq = (items: FaqItem[]) => items.map((item) => `## ${item.question}\n${item.answer}`).join("\n\n");

const faqText = z
  .string()
  .max(20_000, "The questions must be at most 20,000 characters.")
  .transform((value, context) => {
    const parsed = parseFaq(value);
    if (typeof parsed === "string") {
      context.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

export const faqSchema = z.object({ slug: z.string(), "faq-en": faqText, "faq-ru": faqText });
