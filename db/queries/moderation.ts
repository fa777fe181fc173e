import { and, count, desc, eq, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { countWhere } from "@/db/dialect";
import type { SignatureFilter } from "./signature-search";
import { first, getDb, transaction, type Executor } from "@/db/index";
import { documents, signatures, type Signature } from "@/db/schema";
import { atDomain, containing, signatureConditions } from "./signature-search";
import { queueWebhookEvent, signatureEventData } from "./webhooks";

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

const PAGE_SIZE = 50;

/** A page of signatures, newest first, after the keyset cursor `before` (an id): fast at any depth. */
/**
 * One page of signatures, newest first. `withEmails: false` is a moderator's view: no address is read
 * (each row's email is null) and the search matches names and countries only.
 */
export async function listSignatures(
  filter: SignatureFilter,
  before?: number,
  { limit = PAGE_SIZE, withEmails = true }: { limit?: number; withEmails?: boolean } = {},
) {
  const conditions = signatureConditions(filter, { byEmail: withEmails });
  if (before) conditions.push(lt(signatures.id, before));
  const rows = await getDb()
    .select({
      id: signatures.id,
      name: signatures.name,
      email: withEmails ? signatures.email : sql<string | null>`null`,
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
    .limit(limit + 1);
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
    .then(first);
}

async function adjustCount(tx: Executor, documentId: number, delta: number) {
  if (delta === 0) return;
  await tx
    .update(documents)
    .set({ signatureCount: sql`${documents.signatureCount} + ${delta}` })
    .where(eq(documents.id, documentId));
}

/** Rejects one signature; a confirmed one leaves the count in the same transaction. */
export async function rejectSignature(id: number): Promise<Signature | null> {
  return transaction(async (tx) => {
    const signature = await tx.select().from(signatures).where(eq(signatures.id, id)).then(first);
    if (!signature || !["pending", "confirmed", "held"].includes(signature.state)) return null;
    await tx.update(signatures).set({ state: "rejected" }).where(eq(signatures.id, id));
    await adjustCount(tx, signature.documentId, signature.state === "confirmed" ? -1 : 0);
    return signature;
  });
}

/** Undoes a rejection: back to confirmed (and counted) if it had been confirmed, else pending. */
export async function restoreSignature(id: number): Promise<Signature | null> {
  return transaction(async (tx) => {
    const signature = await tx.select().from(signatures).where(eq(signatures.id, id)).then(first);
    if (!signature || signature.state !== "rejected") return null;
    const state = signature.confirmedAt ? "confirmed" : "pending";
    await tx.update(signatures).set({ state }).where(eq(signatures.id, id));
    await adjustCount(tx, signature.documentId, state === "confirmed" ? 1 : 0);
    return { ...signature, state };
  });
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
  const row = await getDb()
    .select({ total: count(), confirmed: countWhere(eq(signatures.state, "confirmed")) })
    .from(signatures)
    .where(and(...invalidationConditions(criteria)))
    .then(first);
  return { total: row?.total ?? 0, confirmed: row?.confirmed ?? 0 };
}

/** Rejects every matching live signature and lowers each document's count, in one transaction. */
export async function invalidateSignatures(criteria: InvalidationCriteria): Promise<number> {
  return transaction(async (tx) => {
    const where = and(...invalidationConditions(criteria));
    const confirmedByDocument = await tx
      .select({ documentId: signatures.documentId, confirmed: countWhere(eq(signatures.state, "confirmed")) })
      .from(signatures)
      .where(where)
      .groupBy(signatures.documentId);
    const rejected = await tx
      .update(signatures)
      .set({ state: "rejected" })
      .where(where)
      .returning({ id: signatures.id });
    for (const { documentId, confirmed } of confirmedByDocument) await adjustCount(tx, documentId, -confirmed);
    return rejected.length;
  });
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
  return transaction(async (tx) => {
    const conditions = [eq(signatures.state, "held")];
    if (criteria.documentId) conditions.push(eq(signatures.documentId, criteria.documentId));
    if (criteria.ids) conditions.push(inArray(signatures.id, criteria.ids));
    if (criteria.upToId) conditions.push(lte(signatures.id, criteria.upToId));
    const where = and(...conditions);
    const perDocument = await tx
      .select({ documentId: signatures.documentId, held: count() })
      .from(signatures)
      .where(where)
      .groupBy(signatures.documentId);
    const approved = await tx.update(signatures).set({ state: "confirmed" }).where(where).returning();
    for (const { documentId, held } of perDocument) await adjustCount(tx, documentId, held);
    const approvedDocuments = await tx
      .select({ id: documents.id, slug: documents.slug, kind: documents.kind })
      .from(documents)
      .where(
        inArray(
          documents.id,
          perDocument.map((row) => row.documentId),
        ),
      );
    const byId = new Map(approvedDocuments.map((document) => [document.id, document]));
    for (const signature of approved) {
      const document = byId.get(signature.documentId)!;
      await queueWebhookEvent(tx, "signature.confirmed", signatureEventData(signature, document));
    }
    return approved.length;
  });
}
