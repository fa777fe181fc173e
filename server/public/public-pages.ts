import "server-only";
import { revalidatePath } from "next/cache";
import { announcePublicChange } from "./public-changes";
import { cache } from "react";
import {
  getDelegationBySlug,
  getFeaturedDelegation as findFeaturedDelegation,
  inLocale,
  listCarriedDocuments,
  listDelegations,
} from "@/db/queries/delegations";
import { listMembers } from "@/db/queries/delegation-members";
import { listDispatches } from "@/db/queries/delegation-dispatches";
import { listDeliveries } from "@/db/queries/delegation-deliveries";
import {
  getLocalizedDocument,
  listPublishedDocuments,
  listRecentPublicSigners,
  type LocalizedDocument,
} from "@/db/queries/documents";
import { findDocumentByOldSlug } from "@/db/queries/campaigns";
import { getDocumentFaq } from "@/db/queries/faqs";
import { listReachedMilestones } from "@/db/queries/milestones";
import { getDocumentResponse } from "@/db/queries/responses";
import { countConfirmedByCountry, countConfirmedSince } from "@/db/queries/signature-counts";
import { countryShares } from "@/lib/format/country-shares";
import type { DocumentKind } from "@/lib/vocabulary";
import type { Locale } from "@/lib/i18n/locales";
import { documentPath, kindOfCollection } from "@/lib/collections";

// The pages receive plain data: dates they show are ISO strings, the rest are left out.
const withoutDates = ({ createdAt, updatedAt, closedAt, closesAt, ...document }: LocalizedDocument) => ({
  ...document,
  closedAt: closedAt?.toISOString() ?? null,
  closesAt: closesAt?.toISOString() ?? null,
});

const DAY_MS = 24 * 3600_000;

/*
 * What the public pages show. The pages themselves are cached (a few seconds, see lib/cached-pages.ts), so
 * this is read when a page is rendered again, not per reader; a data cache under it would only add its own
 * staleness to the page's.
 */

/** What the home page lists in a language: the campaigns published in it, open ones first, with outcomes. */
export async function getPublishedDocuments(locale: Locale) {
  return (await listPublishedDocuments(locale)).filter((document) => offers(document, locale)).map(withoutDates);
}

const offers = (document: { languages: Locale[] }, locale: Locale) =>
  locale === "en" || document.languages.includes(locale);

/**
 * A campaign not published in the page's language is shown in English, under that language's interface
 * with the "not translated" notice (a shared link still works for every reader); it is not listed there.
 */
async function findInOfferedLanguage(kind: DocumentKind, slug: string, locale: Locale) {
  const found = await getLocalizedDocument(kind, slug, locale);
  if (!found || offers(found, locale)) return found;
  return getLocalizedDocument(kind, slug, "en");
}

/** Where a document that had this address lives now (its slug changed), if the public may see it. */
export async function findMovedDocument(collection: string, slug: string): Promise<string | null> {
  if (!kindOfCollection(collection)) return null;
  const moved = await findDocumentByOldSlug(slug);
  return moved && moved.status !== "draft" ? documentPath(moved.kind, moved.slug) : null;
}

// cache(): a page's metadata and its body ask for the same data; one lookup per request serves both.
export const getPublicDocumentPage = cache(async (collection: string, slug: string, locale: Locale) => {
  const kind = kindOfCollection(collection);
  if (!kind) return null;
  const found = await findInOfferedLanguage(kind, slug, locale);
  if (!found || found.status === "draft") return null;
  const [signers, lastDay, response, faq, milestones, byCountry] = await Promise.all([
    listRecentPublicSigners(found.id),
    countConfirmedSince(found.id, new Date(Date.now() - DAY_MS)),
    getDocumentResponse(found.id),
    getDocumentFaq(found.id, locale),
    listReachedMilestones(found.id),
    countConfirmedByCountry(found.id),
  ]);
  return {
    document: withoutDates(found),
    countries: countryShares(byCountry),
    signers: signers.map((signer) => ({ ...signer, confirmedAt: signer.confirmedAt?.toISOString() ?? null })),
    lastDay,
    response: response
      ? { respondedAt: response.respondedAt.toISOString(), text: response.text, sourceUrl: response.sourceUrl }
      : null,
    faq: faq ?? null,
    milestones: milestones.map((milestone) => ({
      threshold: milestone.threshold,
      reachedAt: milestone.reachedAt.toISOString(),
    })),
  };
});

export async function getFeaturedDelegation() {
  return (await findFeaturedDelegation()) ?? null;
}

/** The delegations index: each delegation's story in this language and how many published documents it carries. */
export async function getPublicDelegations(locale: Locale) {
  const delegations = await listDelegations();
  return Promise.all(
    delegations.map(async (delegation) => ({
      slug: delegation.slug,
      story: inLocale(delegation.texts, locale),
      carried: (await listCarriedDocuments(delegation.id, locale)).length,
    })),
  );
}

export const getPublicDelegationPage = cache(async (slug: string, locale: Locale) => {
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
});

/**
 * After an organiser changes content or counts, the public pages and count endpoint refresh now here, and
 * within a second on the other instances sharing the database.
 */
export async function refreshPublicDocuments(): Promise<void> {
  revalidatePath("/[locale]", "layout");
  revalidatePath("/api/[collection]/[slug]", "page");
  await announcePublicChange();
}
