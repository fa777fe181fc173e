import "server-only";
import { z } from "zod";
import { getLocalizedDocument } from "@/db/queries/documents";
import { recordPartnerConfirmedSignature } from "@/db/queries/confirming";
import type { ApiKey } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { fieldErrors, signatureInputSchema } from "@/lib/forms/signature-input";
import { apiSource } from "@/lib/forms/signature-source";
import { locales } from "@/lib/i18n/locales";
import { displayChoices } from "@/lib/vocabulary";
import { signDocument } from "@/server/signing/signing";

/** OSDI's record-signature helper body; our own choices under "delegation:". Unknown fields are refused. */
const recordSignatureSchema = z.strictObject({
  person: z.strictObject({
    given_name: z.string("person.given_name is required: the signer's name."),
    family_name: z.string().optional(),
    email_addresses: z
      .array(z.object({ address: z.string(), primary: z.boolean().optional() }))
      .min(1, "person.email_addresses needs one address."),
    postal_addresses: z
      .array(z.object({ country: z.string("Each postal address needs its country (ISO 3166-1 alpha-2).") }))
      .min(1, "person.postal_addresses needs one address with its country."),
  }),
  comments: z.string().optional(),
  "delegation:display": z.enum(displayChoices).default("hidden"),
  "delegation:updates": z.boolean().default(false),
  "delegation:locale": z.enum(locales).default("en"),
});

/** Where each of the form's fields comes from in an OSDI body, to name it in an error. */
const osdiField: Record<string, string> = {
  name: "person.given_name",
  email: "person.email_addresses",
  country: "person.postal_addresses",
  comment: "comments",
  display: "delegation:display",
  updates: "delegation:updates",
};

export type RecordResult =
  | { ok: true; status: "pending" | "confirmed" }
  | { ok: false; status: 400 | 409; error: string; fields?: Record<string, string> };

/**
 * Records a signature sent by a partner. With "signatures:write-confirmed" the partner vouches for the
 * address: it is confirmed at once, counted and marked as confirmed by the partner. Otherwise it goes the
 * way of any signature: the signer gets the confirmation email, and only their click counts it.
 */
export async function recordSignatureFromPartner(key: ApiKey, slug: string, body: unknown): Promise<RecordResult> {
  const osdi = recordSignatureSchema.safeParse(body);
  if (!osdi.success) {
    const fields: Record<string, string> = {};
    for (const issue of osdi.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
    return { ok: false, status: 400, error: "The signature is not valid.", fields };
  }
  const { person, comments, ...own } = osdi.data;
  const locale = own["delegation:locale"];
  const email = person.email_addresses.find((address) => address.primary) ?? person.email_addresses[0];
  const parsed = signatureInputSchema(locale).safeParse({
    name: [person.given_name, person.family_name].filter(Boolean).join(" "),
    email: email.address,
    country: person.postal_addresses[0].country,
    comment: comments,
    display: own["delegation:display"],
    updates: own["delegation:updates"],
  });
  if (!parsed.success) {
    const fields = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([field, message]) => [osdiField[field] ?? field, message!]),
    );
    return { ok: false, status: 400, error: "The signature is not valid.", fields };
  }
  const document = await getLocalizedDocument("petition", slug, locale).then(
    async (found) => found ?? (await getLocalizedDocument("letter", slug, locale)),
  );
  if (!document || document.status !== "open") {
    return { ok: false, status: 409, error: "This petition is not open for signatures." };
  }
  const input = { ...parsed.data, organisation: null, role: null };
  if (key.scopes.includes("signatures:write-confirmed")) {
    await recordPartnerConfirmedSignature(document, {
      ...input,
      emailKey: emailKey(input.email),
      locale,
      ipHash: null,
      source: apiSource(key.prefix),
    });
    return { ok: true, status: "confirmed" };
  }
  const outcome = await signDocument(document, input, {
    locale,
    headers: new Headers(),
    viaApiKey: true,
    source: apiSource(key.prefix),
  });
  return outcome === "accepted"
    ? { ok: true, status: "pending" }
    : { ok: false, status: 409, error: "This petition is not open for signatures." };
}
