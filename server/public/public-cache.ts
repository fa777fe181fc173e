import "server-only";
import { revalidatePath } from "next/cache";
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

// Next keeps cached data as JSON: what pages read from here carries no Date objects (dates are ISO strings).
const withoutDates = ({ createdAt, updatedAt, closedAt, ...document }: LocalizedDocument) => document;

const publishedDocuments = async (locale: Locale) => (await listPublishedDocuments(locale)).map(withoutDates);

const recentPublicSigners = async (documentId: number) =>
  (await listRecentPublicSigners(documentId)).map((signer) => ({
    ...signer,
    confirmedAt: signer.confirmedAt?.toISOString() ?? null,
  }));

const DAY_MS = 24 * 3600_000;

/** Momentum for the campaign page: confirmations in the last 24 hours. */
const confirmedLastDay = (documentId: number) => countConfirmedSince(documentId, new Date(Date.now() - DAY_MS));

const featuredDelegation = async () => (await getFeaturedDelegation()) ?? null;

async function delegationPage(slug: string, locale: Locale) {
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
}

/**
 * What the public pages show. The pages themselves are cached (a few seconds, see lib/cached-pages.ts), so
 * their data is read when a page is rendered again, not per reader; a second cache under it would only
 * add its own staleness to the page's.
 */
export async function getPublishedDocuments(locale: Locale) {
  return publishedDocuments(locale);
}

// cache(): a page's metadata and its body ask for the same data; one lookup per request serves both.
export const getPublicDocumentPage = cache(async (collection: string, slug: string, locale: Locale) => {
  const kind = kindOfCollection(collection);
  if (!kind) return null;
  const found = await getLocalizedDocument(kind, slug, locale);
  const document = found && found.status !== "draft" ? withoutDates(found) : undefined;
  if (!document) return null;
  const [signers, lastDay] = await Promise.all([recentPublicSigners(document.id), confirmedLastDay(document.id)]);
  return { document, signers, lastDay };
});

export async function getFeaturedDelegationCached() {
  return featuredDelegation();
}

export const getPublicDelegationPage = cache(delegationPage);

/** After an organiser changes content or counts, the public pages and count endpoint refresh now. */
export function refreshPublicDocuments(): void {
  revalidatePath("/[locale]", "layout");
  revalidatePath("/api/[collection]/[slug]", "page");
}
