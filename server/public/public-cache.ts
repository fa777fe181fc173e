import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { cache } from "react";
import {
  getDelegationBySlug,
  getFeaturedDelegation,
  listCarriedDocuments,
  listDeliveries,
  listDispatches,
  listMembers,
} from "@/db/queries/delegations";
import {
  getLocalizedDocument,
  listPublishedDocuments,
  listRecentPublicSigners,
  type LocalizedDocument,
} from "@/db/queries/documents";
import { countConfirmedSince } from "@/db/queries/signatures";
import type { Locale } from "@/lib/i18n/locales";
import { kindOfCollection } from "@/lib/collections";

const PUBLIC_DATA = "public-data";
const SECONDS = 5;
const options = { revalidate: SECONDS, tags: [PUBLIC_DATA] };

// Next keeps cached data as JSON: what pages read from here carries no Date objects (dates are ISO strings).
const withoutDates = ({ createdAt, updatedAt, closedAt, ...document }: LocalizedDocument) => document;

const publishedDocuments = unstable_cache(
  async (locale: Locale) => (await listPublishedDocuments(locale)).map(withoutDates),
  ["published-documents"],
  options,
);

const recentPublicSigners = unstable_cache(
  async (documentId: number) =>
    (await listRecentPublicSigners(documentId)).map((signer) => ({ ...signer, confirmedAt: signer.confirmedAt?.toISOString() ?? null })),
  ["recent-public-signers"],
  options,
);

const DAY_MS = 24 * 3600_000;

/** Momentum for the campaign page: confirmations in the last 24 hours, refreshed with the rest. */
const confirmedLastDay = unstable_cache(
  async (documentId: number) => countConfirmedSince(documentId, new Date(Date.now() - DAY_MS)),
  ["confirmed-last-day"],
  options,
);

const featuredDelegation = unstable_cache(async () => (await getFeaturedDelegation()) ?? null, ["featured-delegation"], options);

const delegationPage = unstable_cache(
  async (slug: string, locale: Locale) => {
    const delegation = await getDelegationBySlug(slug);
    if (!delegation) return null;
    const [members, carried, dispatches, deliveries] = await Promise.all([
      listMembers(delegation.id),
      listCarriedDocuments(delegation.id, locale),
      listDispatches(delegation.id),
      listDeliveries(delegation.id),
    ]);
    return {
      delegation,
      members,
      carried: carried.map(withoutDates),
      dispatches: dispatches.map(({ createdAt, ...dispatch }) => dispatch),
      deliveries: deliveries.map(({ createdAt, ...delivery }) => delivery),
    };
  },
  ["delegation-page"],
  options,
);

/**
 * The public pages render per request (each carries its own CSP nonce), so their data is what is cached:
 * read from the database at most every 5 seconds whatever the traffic, and at once after an organiser's
 * change. Only existing documents and delegations get an entry, so made-up addresses cannot fill the cache.
 */
export async function getPublishedDocuments(locale: Locale) {
  return publishedDocuments(locale);
}

// cache(): a page's metadata and its body ask for the same data; one lookup per request serves both.
export const getPublicDocumentPage = cache(async (collection: string, slug: string, locale: Locale) => {
  const kind = kindOfCollection(collection);
  if (!kind) return null;
  const cached = (await publishedDocuments(locale)).find((entry) => entry.kind === kind && entry.slug === slug);
  // A document published since the list was cached is read directly (one indexed lookup) until it refreshes.
  const fresh = cached ? undefined : await getLocalizedDocument(kind, slug, locale);
  const document = cached ?? (fresh && fresh.status !== "draft" ? withoutDates(fresh) : undefined);
  if (!document) return null;
  const [signers, lastDay] = await Promise.all([recentPublicSigners(document.id), confirmedLastDay(document.id)]);
  return { document, signers, lastDay };
});

export async function getFeaturedDelegationCached() {
  return featuredDelegation();
}

export const getPublicDelegationPage = cache(async (slug: string, locale: Locale) => {
  const featured = await featuredDelegation();
  // A slug that names no delegation is answered without creating a cache entry for it.
  if (featured?.slug !== slug && !(await getDelegationBySlug(slug))) return null;
  return delegationPage(slug, locale);
});

/** After an organiser changes content or counts, the public pages and count endpoint refresh now. */
export function refreshPublicDocuments(): void {
  revalidateTag(PUBLIC_DATA, { expire: 0 });
  revalidatePath("/api/[collection]/[slug]", "page");
}
