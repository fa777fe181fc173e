import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { listPublishedDocuments, listRecentPublicSigners } from "@/db/queries/documents";
import { kindOfCollection } from "./collections";

const PUBLIC_DATA = "public-documents";
const SECONDS = 5;

// Next keeps cached data as JSON, so dates travel as ISO strings.
const publishedDocuments = unstable_cache(
  async () =>
    (await listPublishedDocuments()).map((document) => ({
      ...document,
      createdAt: document.createdAt.toISOString(),
      updatedAt: document.updatedAt.toISOString(),
    })),
  ["published-documents"],
  { revalidate: SECONDS, tags: [PUBLIC_DATA] },
);

const recentPublicSigners = unstable_cache(
  async (documentId: number) =>
    (await listRecentPublicSigners(documentId)).map((signer) => ({ ...signer, confirmedAt: signer.confirmedAt?.toISOString() ?? null })),
  ["recent-public-signers"],
  { revalidate: SECONDS, tags: [PUBLIC_DATA] },
);

/**
 * What a petition or letter page shows, read from the database at most every 5 seconds whatever the
 * traffic: the pages render per request (each carries its own CSP nonce), so the data is what is cached.
 * Only existing documents get an entry, so made-up addresses cannot fill the cache.
 */
export async function getPublicDocumentPage(collection: string, slug: string) {
  const kind = kindOfCollection(collection);
  const document = kind && (await publishedDocuments()).find((entry) => entry.kind === kind && entry.slug === slug);
  if (!document) return null;
  return { document, signers: await recentPublicSigners(document.id) };
}

/** After an organiser changes content or counts, the public pages and count endpoint refresh now. */
export function refreshPublicDocuments(): void {
  revalidateTag(PUBLIC_DATA, { expire: 0 });
  revalidatePath("/(public)/[collection]/[slug]", "page"); // route patterns name their route group
  revalidatePath("/api/[collection]/[slug]", "page");
}
