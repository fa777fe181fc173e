"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { botSignal } from "@/lib/security/bot-check";
import { STAMP_FIELD } from "@/lib/security/bot-check-fields";
import { documentPath } from "@/lib/collections";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocumentOrMoved } from "@/server/public/public-documents";
import { issueFormStamp, redeemFormStamp } from "@/server/signing/form-stamps";
import {
  fieldErrors,
  signatureInputFromForm,
  signatureInputSchema,
  type FieldErrors,
} from "@/lib/forms/signature-input";
import { signDocument } from "@/server/signing/signing";
import { normaliseSource, sourceInUrl, SOURCE_FIELD } from "@/lib/forms/signature-source";

export type SignFormState = {
  errors: FieldErrors;
  values: Record<string, unknown>;
  attempt: number;
  /** The form's stamp to send next time: the one sent (not used up by a refused form) or a new one. */
  stamp?: string;
  /** Set when the form came without a usable stamp and must be sent once more. */
  sendAgain?: boolean;
  /** Where the signer came from, kept across the form's round trips (the form sends it back). */
  source?: string | null;
} | null;

/** Signs from the campaign page; then "check your email" on the site. */
export async function signAction(
  localeParam: string,
  collection: string,
  slug: string,
  previous: SignFormState,
  form: FormData,
): Promise<SignFormState> {
  return sign(localeParam, collection, slug, previous, form, "");
}

/** Signs from the embedded form on another site; "check your email" stays inside the frame. */
export async function signEmbeddedAction(
  localeParam: string,
  collection: string,
  slug: string,
  previous: SignFormState,
  form: FormData,
): Promise<SignFormState> {
  return sign(localeParam, collection, slug, previous, form, "/embed");
}

async function sign(
  localeParam: string,
  collection: string,
  slug: string,
  previous: SignFormState,
  form: FormData,
  section: "" | "/embed",
): Promise<SignFormState> {
  const locale = toLocale(localeParam);
  const t = translator(locale);
  // Every argument comes from the client, the bound ones too (hidden fields when JavaScript is off).
  if (!(form instanceof FormData)) return { errors: { form: t("errors.unreadable") }, values: {}, attempt: 1 };
  const document = await findPublicDocumentOrMoved(String(collection), String(slug), locale);
  const values = signatureInputFromForm(form);
  const attempt = (Number.isSafeInteger(previous?.attempt) ? previous!.attempt : 0) + 1;
  const requestHeaders = await headers();
  // The form's hidden field (an embed's site, or the link's ?source= copied by the page); without
  // JavaScript on the campaign page, the ?source= of the page the form was sent from.
  const source = normaliseSource(form.get(SOURCE_FIELD)) ?? sourceInUrl(requestHeaders.get("referer"));
  if (!document) return { errors: { form: t("errors.noDocument") }, values, attempt, source };
  const sent = form.get(STAMP_FIELD);
  const stamp = typeof sent === "string" && sent !== "" ? sent : undefined;
  const parsed = signatureInputSchema(locale).safeParse(values);
  if (!parsed.success) {
    // The stamp is not used up by a form sent back for corrections; without one, the answer brings one.
    const next = stamp ?? (await issueFormStamp(document.id));
    return { errors: fieldErrors(parsed.error), values, attempt, stamp: next, source };
  }
  const startedAt = await redeemFormStamp(stamp, document.id);
  if (startedAt === null) {
    // No usable stamp (JavaScript off, or one used before, expired or from another form): nothing is signed
    // yet; the form comes back as typed with a new stamp, and the next press sends it.
    return { errors: {}, values, attempt, stamp: await issueFormStamp(document.id), sendAgain: true, source };
  }
  const context = { locale, headers: requestHeaders, flagged: botSignal(form, startedAt), source };
  if ((await signDocument(document, parsed.data, context)) === "not-open") {
    return { errors: { form: t("errors.notOpen") }, values, attempt, source };
  }
  // Inside an embed, "sign with another address" goes back to the form with the same embedding site.
  const origin = section && source?.startsWith("embed:") ? `?origin=${encodeURIComponent(source.slice(6))}` : "";
  redirect(localePath(locale, section + documentPath(document.kind, document.slug, "/sent")) + origin);
}
