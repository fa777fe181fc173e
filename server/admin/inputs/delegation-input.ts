import "server-only";
import { z } from "zod";
import type { DeliveryInput } from "@/db/queries/delegation-deliveries";
import { isoDate, optional, recordId, requiredText } from "@/lib/forms/form-fields";

/** The Russian version of a record is whole or absent: `{ ru }` when every field is given, `{}` when none is. */
function russianVersion<T extends Record<string, string | undefined>>(fields: T) {
  return Object.values(fields).every(Boolean) ? { ru: fields as { [K in keyof T]: string } } : {};
}

const wholeOrAbsent = (...values: (string | undefined)[]) => values.every(Boolean) || !values.some(Boolean);

/** A dispatch: its date, and its title and Markdown text in English, optionally in Russian too. */
export const dispatchInputSchema = z
  .object({
    dated: isoDate,
    title: requiredText("The title", 200),
    body: requiredText("The text", 20_000),
    titleRu: optional(requiredText("The Russian title", 200)),
    bodyRu: optional(requiredText("The Russian text", 20_000)),
  })
  .refine((input) => wholeOrAbsent(input.titleRu, input.bodyRu), {
    message: "Give both the Russian title and text, or neither.",
    path: ["titleRu"],
  })
  .transform(({ dated, title, body, titleRu, bodyRu }) => ({
    dated,
    texts: { en: { title, body }, ...russianVersion({ title: titleRu, body: bodyRu }) },
  }));

/** The delegation's story: title, summary and Markdown text in English, optionally all three in Russian. */
export const delegationTextsSchema = z
  .object({
    title: requiredText("The title", 200),
    summary: requiredText("The summary", 600),
    body: requiredText("The text", 30_000),
    titleRu: optional(requiredText("The Russian title", 200)),
    summaryRu: optional(requiredText("The Russian summary", 600)),
    bodyRu: optional(requiredText("The Russian text", 30_000)),
  })
  .refine((input) => wholeOrAbsent(input.titleRu, input.summaryRu, input.bodyRu), {
    message: "Give the Russian title, summary and text together, or none of them.",
    path: ["titleRu"],
  })
  .transform(({ title, summary, body, titleRu, summaryRu, bodyRu }) => ({
    en: { title, summary, body },
    ...russianVersion({ title: titleRu, summary: summaryRu, body: bodyRu }),
  }));

/** A member: name, and role and short biography (Markdown) in English, optionally in Russian. */
export const memberInputSchema = z
  .object({
    name: requiredText("The name", 120),
    role: requiredText("The role", 200),
    bio: requiredText("The biography", 2_000),
    roleRu: optional(requiredText("The Russian role", 200)),
    bioRu: optional(requiredText("The Russian biography", 2_000)),
  })
  .refine((input) => wholeOrAbsent(input.roleRu, input.bioRu), {
    message: "Give both the Russian role and biography, or neither.",
    path: ["roleRu"],
  })
  .transform(({ name, role, bio, roleRu, bioRu }) => ({
    name,
    texts: { en: { role, bio }, ...russianVersion({ role: roleRu, bio: bioRu }) },
  }));

/** A delivery: when, where, to whom, and for each document handed over, the dossier that was. */
const deliverySchema = z.object({
  deliveredOn: isoDate,
  place: requiredText("The place", 200),
  recipient: requiredText("The recipient", 300),
  items: z
    .array(
      z.object({
        documentId: recordId("Unknown document."),
        dossierId: recordId("Choose a dossier from the list."),
      }),
    )
    .min(1, "Choose the dossier of at least one document."),
});

/** The delivery form names each document's dossier "dossier-<documentId>"; an empty choice means not delivered. */
function deliveryFromForm(values: Record<string, unknown>) {
  const items = Object.entries(values)
    .filter(([key, value]) => key.startsWith("dossier-") && value !== "")
    .map(([key, value]) => ({ documentId: key.slice("dossier-".length), dossierId: value }));
  return { deliveredOn: values.deliveredOn, place: values.place, recipient: values.recipient, items };
}

export const deliveryInputSchema = z.preprocess(
  (values) =>
    values !== null && typeof values === "object" ? deliveryFromForm(values as Record<string, unknown>) : values,
  deliverySchema,
) satisfies z.ZodType<DeliveryInput>;

/** Editing a member names it by id; the fields are the add form's. */
export const memberEditSchema = z.intersection(z.object({ id: recordId("Unknown member.") }), memberInputSchema);

/** Deleting the delegation: the confirmation page's form sends only the delegation's slug. */
export const delegationDeletionSchema = z.object({});

/** Removing a member names it by id. */
export const memberIdSchema = z.object({ id: recordId("Unknown member.") });

/** A delegation's address on the site: lower-case letters, digits and dashes. */
const delegationSlug = z
  .string({ error: "Give the address, such as moscow-1989." })
  .trim()
  .min(2, "The address must be at least 2 characters.")
  .max(80, "The address must be at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes, such as moscow-1989.");

/** Every form of a delegation's page names the delegation it changes in a hidden field. */
const ofDelegation = z.object({
  delegation: z.string({ error: "Unknown delegation." }).regex(/^[a-z0-9-]{1,80}$/, "Unknown delegation."),
});

/** Prefixes a form's schema with the delegation it changes: the parsed input gains `delegation` (its slug). */
export const forDelegation = <T extends z.ZodType<object>>(schema: T) => z.intersection(ofDelegation, schema);

/** A new delegation: its address and its story. */
export const newDelegationSchema = z.intersection(z.object({ slug: delegationSlug }), delegationTextsSchema);

/** Editing a dispatch names it by id. */
export const dispatchEditSchema = z.intersection(z.object({ id: recordId("Unknown dispatch.") }), dispatchInputSchema);

/** Removing a dispatch names it by id. */
export const dispatchIdSchema = z.object({ id: recordId("Unknown dispatch.") });

/** Moving a member: which, and one place up or down. */
export const memberMoveSchema = z.object({
  id: recordId("Unknown member."),
  move: z.enum(["up", "down"], { error: "Move a member up or down." }),
});

/** The carried campaigns form has one checkbox per document, "carry-<documentId>"; a ticked box sends "on". */
export const carriedDocumentsSchema = z.preprocess(
  (values) => ({
    documentIds: Object.entries(values !== null && typeof values === "object" ? values : {})
      .filter(([key, value]) => key.startsWith("carry-") && value === "on")
      .map(([key]) => key.slice("carry-".length)),
  }),
  z.object({ documentIds: z.array(recordId("Unknown document.")).max(100, "Too many documents.") }),
);
