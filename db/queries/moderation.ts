import { and, desc, eq, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { SignatureFilter } from "./signature-search";
import { getDb, type Db } from "@/db/index";
import { documents, signatures, type Signature } from "@/db/schema";
import { atDomain, containing, signatureConditions } from "./signature-search";

/** What a bulk invalidation matches: a document's signatures narrowed by at least one criterion. */
export type InvalidationCriteria = {
  document?: string;
  domain?: string;
  country?: string;
  from?: string;
  to?: string;
  nameContains?: string;
  ipHash?: string;
  heldOnly?: true;
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const PAGE_SIZE = 50;

/** A page of signatures, newest first, after the keyset cursor `before` (an id): fast at any depth. */
export async function listSignatures(filter: SignatureFilter, before?: number, limit = PAGE_SIZE) {
  const conditions = signatureConditions(filter);
  if (before) conditions.push(lt(signatures.id, before));
  const rows = getDb()
    .select({
      id: signatures.id,
      name: signatures.name,
      email: signatures.email,
      country: signatures.country,
      city: signatures.city,
      state: signatures.state,
      createdAt: signatures.createdAt,
      document: documents.slug,
    })
    .from(signatures)
    .innerJoin(documents, eq(documents.id, signatures.documentId))
    .where(and(...conditions))
    .orderBy(desc(signatures.id))
    .limit(limit + 1)
    .all();
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: hasMore ? page[page.length - 1].id : undefined };
}

export async function getSignatureWithDocument(id: number) {
  return getDb()
    .select({ signature: signatures, document: documents })
    .from(signatures)
    .innerJoin(documents, eq(documents.id, signatures.documentId))
    .where(eq(signatures.id, id))
    .get();
}

function adjustCount(tx: Tx, documentId: number, delta: number) {
  if (delta === 0) return;
  tx.update(documents)
    .set({ signatureCount: sql`${documents.signatureCount} + ${delta}` })
    .where(eq(documents.id, documentId))
    .run();
}

/** Rejects one signature; a confirmed one leaves the count in the same transaction. */
export async function rejectSignature(id: number): Promise<Signature | null> {
  return getDb().transaction(
    (tx) => {
      const signature = tx.select().from(signatures).where(eq(signatures.id, id)).get();
      if (!signature || !["pending", "confirmed", "held"].includes(signature.state)) return null;
      tx.update(signatures).set({ state: "rejected" }).where(eq(signatures.id, id)).run();
      adjustCount(tx, signature.documentId, signature.state === "confirmed" ? -1 : 0);
      return signature;
    },
    { behavior: "immediate" },
  );
}

/** Undoes a rejection: back to confirmed (and counted) if it had been confirmed, else pending. */
export async function restoreSignature(id: number): Promise<Signature | null> {
  return getDb().transaction(
    (tx) => {
      const signature = tx.select().from(signatures).where(eq(signatures.id, id)).get();
      if (!signature || signature.state !== "rejected") return null;
      const state = signature.confirmedAt ? "confirmed" : "pending";
      tx.update(signatures).set({ state }).where(eq(signatures.id, id)).run();
      adjustCount(tx, signature.documentId, state === "confirmed" ? 1 : 0);
      return { ...signature, state };
    },
    { behavior: "immediate" },
  );
}

function invalidationConditions(criteria: InvalidationCriteria): SQL[] {
  const conditions = signatureConditions({ document: criteria.document, from: criteria.from, to: criteria.to });
  conditions.push(inArray(signatures.state, criteria.heldOnly ? ["held"] : ["pending", "confirmed", "held"]));
  if (criteria.ipHash) conditions.push(eq(signatures.ipHash, criteria.ipHash));
  if (criteria.domain) conditions.push(atDomain(criteria.domain));
  if (criteria.country) conditions.push(eq(signatures.country, criteria.country));
  if (criteria.nameContains) conditions.push(containing(signatures.name, criteria.nameContains));
  return conditions;
}

/** How many live signatures (and of them confirmed) a bulk invalidation would reject, before it runs. */
export async function previewInvalidation(criteria: InvalidationCriteria) {
  const row = getDb()
    .select({
      total: sql<number>`count(*)`,
      confirmed: sql<number>`coalesce(sum(${signatures.state} = 'confirmed'), 0)`,
    })
    .from(signatures)
    .where(and(...invalidationConditions(criteria)))
    .get();
  return { total: row?.total ?? 0, confirmed: row?.confirmed ?? 0 };
}

/** Rejects every matching live signature and lowers each document's count, in one transaction. */
export async function invalidateSignatures(criteria: InvalidationCriteria): Promise<number> {
  return getDb().transaction(
    (tx) => {
      const where = and(...invalidationConditions(criteria));
      const confirmedByDocument = tx
        .select({ documentId: signatures.documentId, confirmed: sql<number>`sum(${signatures.state} = 'confirmed')` })
        .from(signatures)
        .where(where)
        .groupBy(signatures.documentId)
        .all();
      const { changes } = tx.update(signatures).set({ state: "rejected" }).where(where).run();
      for (const { documentId, confirmed } of confirmedByDocument) adjustCount(tx, documentId, -confirmed);
      return changes;
    },
    { behavior: "immediate" },
  );
}

/**
 * Approves held signatures (over a rate limit, confirmed by email): they become confirmed and count.
 * `upToId` keeps to the ones the organiser saw: any held after the page was shown wait for the next look.
 */
export async function approveHeldSignatures(criteria: {
  documentId?: number;
  ids?: number[];
  upToId?: number;
}): Promise<number> {
  return getDb().transaction(
    (tx) => {
      const conditions = [eq(signatures.state, "held")];
      if (criteria.documentId) conditions.push(eq(signatures.documentId, criteria.documentId));
      if (criteria.ids) conditions.push(inArray(signatures.id, criteria.ids));
      if (criteria.upToId) conditions.push(lte(signatures.id, criteria.upToId));
      const where = and(...conditions);
      const perDocument = tx
        .select({ documentId: signatures.documentId, held: sql<number>`count(*)` })
        .from(signatures)
        .where(where)
        .groupBy(signatures.documentId)
        .all();
      const { changes } = tx.update(signatures).set({ state: "confirmed" }).where(where).run();
      for (const { documentId, held } of perDocument) adjustCount(tx, documentId, held);
      return changes;
    },
    { behavior: "immediate" },
  );
}
