"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { getLocalizedDocument, findDocumentBySlug } from "@/db/queries/documents";
import { messagesByField } from "@/lib/forms/form-fields";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { resendSignatureEmail } from "@/server/signing/signing";

export type ResendState = {
  sent?: boolean;
  errors?: { email?: string; document?: string; form?: string };
  email?: string;
} | null;

function resendSchema(t: ReturnType<typeof translator>) {
  return z.object({
    email: z
      .string(t("errors.emailInvalid"))
      .trim()
      .max(254, t("errors.emailTooLong"))
      .pipe(z.email(t("errors.emailInvalid"))),
    document: z
      .string(t("errors.chooseDocument"))
      .min(1, t("errors.chooseDocument"))
      .max(200, t("errors.chooseDocument")),
  });
}

export async function resendAction(localeParam: string, _previous: ResendState, form: FormData): Promise<ResendState> {
  const locale = toLocale(localeParam);
  // Not a form: the bound arguments were tampered with.
  if (!(form instanceof FormData)) return { errors: { form: translator(locale)("errors.unreadable") } };
  const raw = { email: form.get("email") ?? "", document: form.get("document") ?? "" };
  const parsed = resendSchema(translator(locale)).safeParse(raw);
  const email = typeof raw.email === "string" ? raw.email : "";
  if (!parsed.success) return { errors: messagesByField(parsed.error), email };
  const found = await findDocumentBySlug(parsed.data.document);
  const document = found && (await getLocalizedDocument(found.kind, found.slug, locale));
  if (document?.status === "open") await resendSignatureEmail(document, parsed.data.email, await headers());
  // Same answer whatever happened: nobody learns from this form whether an address has signed.
  return { sent: true };
}
