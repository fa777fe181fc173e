import "server-only";
import { getLocalizedDocumentById } from "@/db/queries/documents";
import type { ResponseInput } from "@/db/queries/responses";
import { createUpdate, type UpdateTexts } from "@/db/queries/updates";
import type { Document } from "@/db/schema";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { regionalLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

/** The response as Markdown: each line quoted, so the addressee's words stand apart from ours. */
const quoted = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");

async function textIn(locale: Locale, document: Document, response: ResponseInput) {
  const t = translator(locale);
  const localized = await getLocalizedDocumentById(document.id, locale);
  const title = localized?.title ?? document.slug;
  const date = response.respondedAt.toLocaleDateString(regionalLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const page = `${getConfig().appUrl}${localePath(locale, documentPath(document.kind, document.slug))}`;
  const lines = [
    t("response.updateIntro", { addressee: localized?.addressee ?? "", date, title }),
    quoted(response.text),
    response.sourceUrl ? t("response.updateSource", { url: response.sourceUrl }) : null,
    t("response.updatePage", { url: page }),
  ];
  return {
    subject: t("response.updateSubject", { title }),
    body: lines.filter((line) => line !== null).join("\n\n"),
  };
}

/**
 * A draft update to the campaign's signers who asked for news, prefilled with the response in each of the
 * campaign's languages. It is only a draft: the organiser reads it and sends it from the updates page.
 */
export async function draftResponseUpdate(document: Document, response: ResponseInput, createdBy: string) {
  const texts: UpdateTexts = { en: await textIn("en", document, response) };
  if (document.languages.includes("ru")) texts.ru = await textIn("ru", document, response);
  return createUpdate({ documentId: document.id }, texts, createdBy);
}
