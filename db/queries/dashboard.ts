import { and, asc, count, desc, eq, gte, lt, min } from "drizzle-orm";
import { countWhere, utcDayOf } from "@/db/dialect";
import { first, getDb } from "@/db/index";
import { documents, documentTexts, outbox, signatures, type Signature } from "@/db/schema";
import { countMessagesByStatus } from "./outbox";

const dayMs = 24 * 3600_000;

function countInState(state: Signature["state"]) {
  return countWhere(eq(signatures.state, state));
}

/** Every document with its kept counter and how many of its signatures are in each state. */
export async function getStateCounts() {
  return getDb()
    .select({
      id: documents.id,
      slug: documents.slug,
      title: documentTexts.title,
      kind: documents.kind,
      signatureCount: documents.signatureCount,
      pending: countInState("pending"),
      confirmed: countInState("confirmed"),
      // Recorded through an API key whose partner confirmed the address itself (no email from us).
      partnerConfirmed: countWhere(and(eq(signatures.state, "confirmed"), eq(signatures.confirmedBy, "partner"))),
      held: countInState("held"),
      flagged: countInState("flagged"),
      rejected: countInState("rejected"),
      withdrawn: countInState("withdrawn"),
    })
    .from(documents)
    .innerJoin(
      documentTexts,
      and(
        eq(documentTexts.documentId, documents.id),
        eq(documentTexts.version, documents.currentVersion),
        eq(documentTexts.locale, "en"),
      ),
    )
    .leftJoin(signatures, eq(signatures.documentId, documents.id))
    .groupBy(documents.id, documentTexts.title)
    .orderBy(desc(documents.kind), documents.id);
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Confirmations per UTC day for the last `days` days up to and including today, days without any as 0. */
export async function getConfirmedPerDay(documentId: number, days = 30, now = new Date()) {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const since = tomorrow - days * dayMs;
  const day = utcDayOf(signatures.confirmedAt);
  const rows = await getDb()
    .select({ day, count: count() })
    .from(signatures)
    .where(
      and(
        eq(signatures.documentId, documentId),
        eq(signatures.state, "confirmed"),
        gte(signatures.confirmedAt, new Date(since)),
        lt(signatures.confirmedAt, new Date(tomorrow)),
      ),
    )
    .groupBy(day);
  const counts = new Map(rows.map((row) => [row.day, row.count]));
  return Array.from({ length: Math.max(days, 0) }, (_, i) => {
    const label = utcDay(new Date(since + i * dayMs));
    return { day: label, count: counts.get(label) ?? 0 };
  });
}

export async function getTopCountries(documentId: number, limit = 5) {
  const signed = count();
  return getDb()
    .select({ country: signatures.country, count: signed })
    .from(signatures)
    .where(and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed")))
    .groupBy(signatures.country)
    .orderBy(desc(signed), asc(signatures.country))
    .limit(limit);
}

/** Queue counts and recent failures for organisers; recipients' addresses are left out on purpose. */
export async function getOutboxHealth(now = new Date()) {
  const db = getDb();
  const byStatus = Object.fromEntries((await countMessagesByStatus()).map((row) => [row.status, row.count]));
  const oldest = await db
    .select({ createdAt: min(outbox.createdAt) })
    .from(outbox)
    .where(eq(outbox.status, "queued"))
    .then(first);
  const recentFailures = await db
    .select({
      id: outbox.id,
      template: outbox.template,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.status, "failed"))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(10);
  const oldestQueuedAt = oldest?.createdAt ?? null;
  return {
    queued: byStatus.queued ?? 0,
    sending: byStatus.sending ?? 0,
    sent: byStatus.sent ?? 0,
    failed: byStatus.failed ?? 0,
    oldestQueuedAt,
    oldestQueuedWaitMs: oldestQueuedAt ? Math.max(0, now.getTime() - oldestQueuedAt.getTime()) : null,
    recentFailures,
  };
}

export type OutboxHealth = Awaited<ReturnType<typeof getOutboxHealth>>;

/**
 * A document's signatures per source (null: came with none), most confirmed first: confirmed, and every
 * signature still in play (withdrawn, rejected and flagged ones aside).
 */
export async function getSourceCounts(documentId: number) {
  const confirmed = countInState("confirmed");
  return getDb()
    .select({
      source: signatures.source,
      confirmed,
      pending: countInState("pending"),
      held: countInState("held"),
    })
    .from(signatures)
    .where(eq(signatures.documentId, documentId))
    .groupBy(signatures.source)
    .orderBy(desc(confirmed), asc(signatures.source));
}
