import "server-only";
import { findDocumentByOldSlug } from "@/db/queries/campaigns";
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

/**
 * The same, also by a slug the document had before it was renamed: a form opened before the rename and sent
 * after it still reaches its campaign.
 */
export async function findPublicDocumentOrMoved(collection: string, slug: string, locale: Locale) {
  const found = await findPublicDocument(collection, slug, locale);
  if (found) return found;
  const moved = await findDocumentByOldSlug(slug);
  return moved && moved.kind === kindOfCollection(collection)
    ? findPublicDocument(collection, moved.slug, locale)
    : undefined;
}
