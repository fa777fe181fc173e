"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { botSignal } from "@/lib/security/bot-check";
import { documentPath } from "@/lib/collections";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocument } from "@/server/public/public-documents";
import {
  fieldErrors,
  signatureInputFromForm,
  signatureInputSchema,
  type FieldErrors,
} from "@/lib/forms/signature-input";
import { signDocument } from "@/server/signing/signing";

export type SignFormState = { errors: FieldErrors; values: Record<string, unknown>; attempt: number } | null;

export async function signAction(
  localeParam: string,
  collection: string,
  slug: string,
  previous: SignFormState,
  form: FormData,
): Promise<SignFormState> {
  const locale = toLocale(localeParam);
  const t = translator(locale);
  // Every argument comes from the client, the bound ones too (hidden fields when JavaScript is off).
  if (!(form instanceof FormData)) return { errors: { form: t("errors.unreadable") }, values: {}, attempt: 1 };
  const document = await findPublicDocument(String(collection), String(slug), locale);
  const values = signatureInputFromForm(form);
  const attempt = (Number.isSafeInteger(previous?.attempt) ? previous!.attempt : 0) + 1;
  if (!document) return { errors: { form: t("errors.noDocument") }, values, attempt };
  const parsed = signatureInputSchema(locale).safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, attempt };
  const context = { locale, headers: await headers(), flagged: botSignal(form) };
  if ((await signDocument(document, parsed.data, context)) === "not-open") {
    return { errors: { form: t("errors.notOpen") }, values, attempt };
  }
  redirect(localePath(locale, documentPath(document.kind, document.slug, "/sent")));
}
