import { z } from "zod";
import { isoDate, optional } from "./form-fields";

const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text.` }).trim().min(1, `${label} cannot be empty.`).max(max, `${label} must be at most ${max} characters.`);

/** A dispatch: its date, and its title and Markdown text in English, optionally in Russian too. */
export const dispatchInputSchema = z
  .object({
    dated: isoDate,
    title: text("The title", 200),
    body: text("The text", 20_000),
    titleRu: optional(text("The Russian title", 200)),
    bodyRu: optional(text("The Russian text", 20_000)),
  })
  .refine((input) => Boolean(input.titleRu) === Boolean(input.bodyRu), {
    message: "Give both the Russian title and text, or neither.",
    path: ["titleRu"],
  })
  .transform(({ dated, title, body, titleRu, bodyRu }) => ({
    dated,
    texts: { en: { title, body }, ...(titleRu && bodyRu ? { ru: { title: titleRu, body: bodyRu } } : {}) },
  }));

const optionalPair = <T extends Record<string, string | undefined>>(ru: T) =>
  Object.values(ru).every((value) => value) ? { ru: ru as { [K in keyof T]: string } } : {};

/** The delegation's story: title, summary and Markdown text in English, optionally all three in Russian. */
export const delegationTextsSchema = z
  .object({
    title: text("The title", 200),
    summary: text("The summary", 600),
    body: text("The text", 30_000),
    titleRu: optional(text("The Russian title", 200)),
    summaryRu: optional(text("The Russian summary", 600)),
    bodyRu: optional(text("The Russian text", 30_000)),
  })
  .refine((input) => [input.titleRu, input.summaryRu, input.bodyRu].every(Boolean) || ![input.titleRu, input.summaryRu, input.bodyRu].some(Boolean), {
    message: "Give the Russian title, summary and text together, or none of them.",
    path: ["titleRu"],
  })
  .transform(({ title, summary, body, titleRu, summaryRu, bodyRu }) => ({
    en: { title, summary, body },
    ...optionalPair({ title: titleRu, summary: summaryRu, body: bodyRu }),
  }));

/** A member: name, and role and short biography (Markdown) in English, optionally in Russian. */
export const memberInputSchema = z
  .object({
    name: text("The name", 120),
    role: text("The role", 200),
    bio: text("The biography", 2_000),
    roleRu: optional(text("The Russian role", 200)),
    bioRu: optional(text("The Russian biography", 2_000)),
  })
  .refine((input) => Boolean(input.roleRu) === Boolean(input.bioRu), {
    message: "Give both the Russian role and biography, or neither.",
    path: ["roleRu"],
  })
  .transform(({ name, role, bio, roleRu, bioRu }) => ({
    name,
    texts: { en: { role, bio }, ...optionalPair({ role: roleRu, bio: bioRu }) },
  }));

/** A delivery: when, where, to whom, and for each document handed over, the dossier that was. */
export const deliveryInputSchema = z.object({
  deliveredOn: isoDate,
  place: text("The place", 200),
  recipient: text("The recipient", 300),
  items: z
    .array(z.object({ documentId: z.coerce.number().int().positive(), dossierId: z.coerce.number().int().positive() }))
    .min(1, "Choose the dossier of at least one document."),
});

export type DispatchInput = z.infer<typeof dispatchInputSchema>;
export type DeliveryInput = z.infer<typeof deliveryInputSchema>;

/** The delivery form names each document's dossier "dossier-<documentId>"; an empty choice means not delivered. */
export function deliveryFromForm(form: FormData) {
  const items = [...form.entries()]
    .filter(([key, value]) => key.startsWith("dossier-") && typeof value === "string" && value !== "")
    .map(([key, value]) => ({ documentId: key.slice("dossier-".length), dossierId: value }));
  return {
    deliveredOn: form.get("deliveredOn") ?? "",
    place: form.get("place") ?? "",
    recipient: form.get("recipient") ?? "",
    items,
  };
}
