import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { outbox, outboxPriorities } from "@/db/schema";

/**
 * Takes the next batch of due messages and marks them as being sent, so no other pass takes them too.
 * A batch that failed before is taken again whole, with the same key; otherwise up to `limit` due
 * messages form a new batch.
 */
export async function claimDueMessages(limit: number, now = new Date()) {
  return getDb().transaction(
    (tx) => {
      const first = tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.priority), asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(1)
        .get();
      if (!first) return [];
      const due = first.batchKey
        ? tx
            .select()
            .from(outbox)
            .where(and(eq(outbox.status, "queued"), eq(outbox.batchKey, first.batchKey)))
            .orderBy(asc(outbox.id))
            .all()
        : tx
            .select()
            .from(outbox)
            .where(and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, now), isNull(outbox.batchKey)))
            // Confirmations and sign-in links first: a queued update of thousands never delays them.
            .orderBy(asc(outbox.priority), asc(outbox.nextAttemptAt), asc(outbox.id))
            .limit(limit)
            .all();
      const batchKey =
        first.batchKey ?? (due.length === 1 ? `outbox-${due[0].id}` : `outbox-batch-${due[0].id}-${due.length}`);
      tx.update(outbox)
        .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, batchKey })
        .where(
          inArray(
            outbox.id,
            due.map((message) => message.id),
          ),
        )
        .run();
      return due.map((message) => ({ ...message, batchKey, attempts: message.attempts + 1 }));
    },
    { behavior: "immediate" },
  );
}

/** Queues one personal email (an organiser's sign-in link), ahead of any update. */
export async function queueEmail(template: string, recipient: string, payload: Record<string, unknown>) {
  await getDb().insert(outbox).values({ template, recipient, payload, priority: outboxPriorities.personal });
}

/** A batch the provider refused as a whole is split up: each message is then sent, and keyed, alone. */
export async function splitBatch(ids: number[]) {
  for (const id of ids) {
    getDb()
      .update(outbox)
      .set({ status: "queued", batchKey: `outbox-${id}` })
      .where(eq(outbox.id, id))
      .run();
  }
}

export async function markMessagesSent(sent: { id: number; providerId: string | null }[], now = new Date()) {
  const db = getDb();
  db.transaction((tx) => {
    for (const { id, providerId } of sent) {
      tx.update(outbox)
        .set({ status: "sent", providerId, sentAt: now, lastError: null })
        .where(eq(outbox.id, id))
        .run();
    }
  });
}

export async function scheduleMessagesRetry(ids: number[], error: string, nextAttemptAt: Date) {
  getDb()
    .update(outbox)
    .set({ status: "queued", lastError: error, nextAttemptAt })
    .where(inArray(outbox.id, ids))
    .run();
}

export async function markMessagesFailed(ids: number[], error: string) {
  getDb().update(outbox).set({ status: "failed", lastError: error }).where(inArray(outbox.id, ids)).run();
}

/**
 * After a crash, messages left "sending" go back in the queue; the idempotency key makes the provider
 * drop a copy it already accepted.
 */
export async function requeueInterruptedMessages() {
  return getDb().update(outbox).set({ status: "queued" }).where(eq(outbox.status, "sending")).run().changes;
}

export async function getMessage(id: number) {
  return getDb().select().from(outbox).where(eq(outbox.id, id)).get();
}

export async function countMessagesByStatus() {
  return getDb()
    .select({ status: outbox.status, count: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.status)
    .all();
}

/** The emails ever queued about one signature (their local mailbox files are named outbox-<id>). */
export async function listSignatureMessageIds(signatureId: number): Promise<number[]> {
  const rows = await getDb()
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(sql`json_extract(${outbox.payload}, '$.signatureId')`, signatureId));
  return rows.map((row) => row.id);
}
