import { and, count, desc, eq, gte, inArray, isNotNull, max, sql } from "drizzle-orm";
import { emailDomainOf } from "@/db/dialect";
import { getDb } from "@/db/index";
import { signatures } from "@/db/schema";

/** The part of an email key after the @ (keys are normalised: lower case, Gmail unified). */
const domainOf = emailDomainOf(signatures.emailKey);

/** Held signatures (and the newest one's id, to approve no more than were shown) and flagged ones, by reason. */
export type ReviewCounts = { held: number; lastHeldId: number; honeypot: number; tooFast: number };

/** How many signatures each document has waiting for review (held) or stopped by the bot checks (flagged). */
export async function countReviewStates() {
  const rows = await getDb()
    .select({
      documentId: signatures.documentId,
      state: signatures.state,
      reason: signatures.reviewReason,
      count: count(),
      lastId: max(signatures.id),
    })
    .from(signatures)
    .where(inArray(signatures.state, ["held", "flagged"]))
    .groupBy(signatures.documentId, signatures.state, signatures.reviewReason);
  const byDocument = new Map<number, ReviewCounts>();
  for (const row of rows) {
    const counts = byDocument.get(row.documentId) ?? { held: 0, lastHeldId: 0, honeypot: 0, tooFast: 0 };
    if (row.state === "held") {
      counts.held += row.count;
      counts.lastHeldId = Math.max(counts.lastHeldId, row.lastId ?? 0);
    } else if (row.reason === "honeypot") counts.honeypot += row.count;
    else counts.tooFast += row.count;
    byDocument.set(row.documentId, counts);
  }
  return byDocument;
}

/** A document's held signatures, latest confirmed first, with what an organiser needs to judge them. */
export async function listHeldSignatures(documentId: number, limit = 100) {
  return getDb()
    .select({
      id: signatures.id,
      reason: signatures.reviewReason,
      createdAt: signatures.createdAt,
      confirmedAt: signatures.confirmedAt,
      country: signatures.country,
      domain: domainOf,
      ipHash: signatures.ipHash,
    })
    .from(signatures)
    .where(and(eq(signatures.documentId, documentId), eq(signatures.state, "held")))
    .orderBy(desc(signatures.confirmedAt))
    .limit(limit);
}

/**
 * The client address hashes with the most signatures on a document since `since`, in any state. Read from
 * the (document, address hash, created) index alone: the table itself is never touched.
 */
export async function topAddressHashes(documentId: number, since: Date, limit = 5) {
  const signed = count();
  return getDb()
    .select({ ipHash: sql<string>`${signatures.ipHash}`, count: signed })
    .from(signatures)
    .where(and(eq(signatures.documentId, documentId), isNotNull(signatures.ipHash), gte(signatures.createdAt, since)))
    .groupBy(signatures.ipHash)
    .orderBy(desc(signed))
    .limit(limit);
}

/**
 * The email domains with the most signatures on a document since `since`. The unary + keeps SQLite off the
 * document index (it would visit every row of the document) and on created_at: only the window is read.
 */
export async function topEmailDomains(documentId: number, since: Date, limit = 5) {
  const signed = count();
  return getDb()
    .select({ domain: domainOf, count: signed })
    .from(signatures)
    .where(and(sql`+${signatures.documentId} = ${documentId}`, gte(signatures.createdAt, since)))
    .groupBy(domainOf)
    .orderBy(desc(signed))
    .limit(limit);
}
