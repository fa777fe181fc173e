import "server-only";
import { getDelegationBySlug, inLocale, listCarriedDocuments } from "@/db/queries/delegations";
import { findPublicDocument } from "@/server/public/public-documents";
import type { SocialCardInput } from "./card";
import type { Locale } from "@/lib/i18n/locales";
import { kindLabel, siteName } from "./labels";

/** What the card at /og/{collection}/{slug} shows, read now; undefined where the public has no such page. */
export async function findSocialCard(
  collection: string,
  slug: string,
  locale: Locale,
): Promise<SocialCardInput | undefined> {
  if (collection === "delegations") {
    const delegation = await getDelegationBySlug(slug);
    if (!delegation) return undefined;
    const carried = await listCarriedDocuments(delegation.id, locale);
    return {
      title: inLocale(delegation.texts, locale).title,
      kindLabel: kindLabel("delegation", locale),
      count: carried.reduce((total, document) => total + document.signatureCount, 0),
      parts: carried.map((document) => ({
        label: `${kindLabel(document.kind, locale)} · ${document.title}`,
        count: document.signatureCount,
      })),
      locale,
      siteName: siteName(locale),
    };
  }
  const document = await findPublicDocument(collection, slug, locale);
  if (!document) return undefined;
  return {
    title: document.title,
    kindLabel: kindLabel(document.kind, locale),
    count: document.signatureCount,
    goal: document.goal,
    locale,
    siteName: siteName(locale),
  };
}
