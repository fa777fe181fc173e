import "server-only";
import { getLocalizedDocument } from "@/db/queries/documents";
import type { Locale } from "@/lib/i18n/locales";
import { kindOfCollection } from "@/lib/collections";

/** The document at /{collection}/{slug} in a language, if the public may see it (drafts are not published). */
export async function findPublicDocument(collection: string, slug: string, locale: Locale) {
  const kind = kindOfCollection(collection);
  if (!kind) return undefined;
  const document = await getLocalizedDocument(kind, slug, locale);
  return document && document.status !== "draft" ? document : undefined;
}
