import "server-only";
import { z } from "zod";
import type { UpdateTexts } from "@/db/queries/updates";
import { optional } from "@/lib/forms/form-fields";

const subject = z
  .string({ error: "Write a subject." })
  .trim()
  .min(1, "Write a subject.")
  .max(200, "At most 200 characters.")
  .regex(/^[^\r\n]*$/, "A subject is one line.");
const body = z
  .string({ error: "Write the text of the update." })
  .trim()
  .min(1, "Write the text of the update.")
  .max(20_000, "At most 20,000 characters.");

export const updateInputSchema = z
  .object({
    target: z
      .string({ error: "Choose whose signers receive the update." })
      .regex(/^(document|delegation):[a-z0-9-]{1,100}$/, "Choose whose signers receive the update."),
    subjectEn: subject,
    bodyEn: body,
    subjectRu: optional(subject),
    bodyRu: optional(body),
  })
  .superRefine((input, context) => {
    if (Boolean(input.subjectRu) !== Boolean(input.bodyRu)) {
      const path = [input.subjectRu ? "bodyRu" : "subjectRu"];
      context.addIssue({
        code: "custom",
        path,
        message: "Give the Russian version both a subject and a text, or leave both empty.",
      });
    }
  });

export type UpdateInput = z.infer<typeof updateInputSchema>;

export function textsOf(input: UpdateInput): UpdateTexts {
  const texts: UpdateTexts = { en: { subject: input.subjectEn, body: input.bodyEn } };
  if (input.subjectRu && input.bodyRu) texts.ru = { subject: input.subjectRu, body: input.bodyRu };
  return texts;
}

export function formValuesOf(target: string, texts: UpdateTexts): Record<keyof UpdateInput, string> {
  return {
    target,
    subjectEn: texts.en.subject,
    bodyEn: texts.en.body,
    subjectRu: texts.ru?.subject ?? "",
    bodyRu: texts.ru?.body ?? "",
  };
}
