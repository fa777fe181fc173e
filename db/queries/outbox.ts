import { and, asc, count, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { jsonNumber } from "@/db/dialect";
import { getDb, transaction, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { outbox, outboxPriorities } from "@/db/schema";

/**
 * Takes the next batch of due messages and marks them as being sent, so no other worker takes them too.
 * A batch that failed before is taken again whole, with the same key; otherwise up to `limit` due
 * messages form a new batch. Several workers may claim at once (one per instance): the claim moves only
 * rows still queued, so a row two workers both chose goes to the one whose update lands first.
 */
// Built once (db/prepared.ts): the worker runs these on every pass, and marks each message sent alone.
// `now` goes in as milliseconds: a placeholder in a condition reaches the driver unconverted.
const selectFirstDue = (db: Executor) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, sql.placeholder("now"))))
    .orderBy(asc(outbox.priority), asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(1)
    .prepare();

const selectDueUnbatched = (db: Executor) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, sql.placeholder("now")), isNull(outbox.batchKey)))
    // Confirmations and sign-in links first: a queued update of thousands never delays them.
    .orderBy(asc(outbox.priority), asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(sql.placeholder("limit"))
    .prepare();

const markSent = (db: Executor) =>
  db
    .update(outbox)
    .set({
      status: "sent",
      providerId: sql`${sql.placeholder("providerId")}`,
      sentAt: sql`${sql.placeholder("sentAt")}`,
      lastError: null,
    })
    .where(eq(outbox.id, sql.placeholder("id")))
    .prepare();

export async function claimDueMessages(limit: number, leaseMs: number, now = new Date()) {
  return transaction(async (tx) => {
    const [first] = await prepared(tx, selectFirstDue).execute({ now: now.getTime() });
    if (!first) return [];
    const due = first.batchKey
      ? await tx
          .select()
          .from(outbox)
          .where(and(eq(outbox.status, "queued"), eq(outbox.batchKey, first.batchKey)))
          .orderBy(asc(outbox.id))
      : await prepared(tx, selectDueUnbatched).execute({ now: now.getTime(), limit });
    if (due.length === 0) return [];
    const batchKey =
      first.batchKey ?? (due.length === 1 ? `outbox-${due[0].id}` : `outbox-batch-${due[0].id}-${due.length}`);
    const claimed = await tx
      .update(outbox)
      .set({
        status: "sending",
        attempts: sql`${outbox.attempts} + 1`,
        batchKey,
        leaseExpiresAt: new Date(now.getTime() + leaseMs),
      })
      .where(
        and(
          eq(outbox.status, "queued"),
          inArray(
            outbox.id,
            due.map((message) => message.id),
          ),
        ),
      )
      .returning({ id: outbox.id });
    const ids = new Set(claimed.map((row) => row.id));
    return due
      .filter((message) => ids.has(message.id))
      .map((message) => ({ ...message, batchKey, attempts: message.attempts + 1 }));
  });
}

/** Queues one personal email (an organiser's sign-in link), ahead of any update. */
export async function queueEmail(template: string, recipient: string, payload: Record<string, unknown>) {
  await getDb().insert(outbox).values({ template, recipient, payload, priority: outboxPriorities.personal });
}

/** A batch the provider refused as a whole is split up: each message is then sent, and keyed, alone. */
export async function splitBatch(ids: number[]) {
  for (const id of ids) {
    await getDb()
      .update(outbox)
      .set({ status: "queued", batchKey: `outbox-${id}` })
      .where(eq(outbox.id, id));
  }
}

export async function markMessagesSent(sent: { id: number; providerId: string | null }[], now = new Date()) {
  await transaction(async (tx) => {
    for (const { id, providerId } of sent) {
      await prepared(tx, markSent).execute({ id, providerId, sentAt: now.getTime() });
    }
  });
}

export async function scheduleMessagesRetry(ids: number[], error: string, nextAttemptAt: Date) {
  await getDb()
    .update(outbox)
    .set({ status: "queued", lastError: error, nextAttemptAt })
    .where(inArray(outbox.id, ids));
}

export async function markMessagesFailed(ids: number[], error: string) {
  await getDb().update(outbox).set({ status: "failed", lastError: error }).where(inArray(outbox.id, ids));
}

/** Puts messages being sent back in the queue; the idempotency key makes the provider drop a copy it got. */
async function requeueSending(which: SQL | undefined) {
  const requeued = await getDb()
    .update(outbox)
    .set({ status: "queued" })
    .where(and(eq(outbox.status, "sending"), which))
    .returning({ id: outbox.id });
  return requeued.length;
}

/** After a crash of the only server (SQLite): everything it was sending. */
export async function requeueInterruptedMessages() {
  return requeueSending(undefined);
}

/** Messages whose worker died mid-send: its lease ran out. Any instance's worker takes them back. */
export async function requeueLapsedClaims(now = new Date()) {
  return requeueSending(or(isNull(outbox.leaseExpiresAt), lte(outbox.leaseExpiresAt, now)));
}

/** A worker shutting down hands back what it claimed and did not send. */
export async function releaseClaims(ids: number[]) {
  return ids.length === 0 ? 0 : requeueSending(inArray(outbox.id, ids));
}

export async function getMessage(id: number) {
  const [message] = await getDb().select().from(outbox).where(eq(outbox.id, id));
  return message;
}

export async function countMessagesByStatus() {
  return getDb().select({ status: outbox.status, count: count() }).from(outbox).groupBy(outbox.status);
}

/** The emails ever queued about one signature (their local mailbox files are named outbox-<id>). */
export async function listSignatureMessageIds(signatureId: number): Promise<number[]> {
  const rows = await getDb()
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(jsonNumber(outbox.payload, "signatureId"), signatureId));
  return rows.map((row) => row.id);
}
