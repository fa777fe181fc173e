import { and, asc, eq, lte, sql } from "drizzle-orm";
import { getDb } from "../index";
import { outbox } from "../schema";

/** Takes up to `limit` due messages and marks them as being sent, so no other pass takes them too. */
export async function claimDueMessages(limit: number, now = new Date()) {
  return getDb().transaction(
    (tx) => {
      const due = tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "queued"), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(limit)
        .all();
      for (const message of due) {
        tx.update(outbox)
          .set({ status: "sending", attempts: sql`${outbox.attempts} + 1` })
          .where(eq(outbox.id, message.id))
          .run();
      }
      return due.map((message) => ({ ...message, attempts: message.attempts + 1 }));
    },
    { behavior: "immediate" },
  );
}

export async function markMessageSent(id: number, providerId: string | null, now = new Date()) {
  getDb()
    .update(outbox)
    .set({ status: "sent", providerId, sentAt: now, lastError: null })
    .where(eq(outbox.id, id))
    .run();
}

export async function scheduleMessageRetry(id: number, error: string, nextAttemptAt: Date) {
  getDb()
    .update(outbox)
    .set({ status: "queued", lastError: error, nextAttemptAt })
    .where(eq(outbox.id, id))
    .run();
}

export async function markMessageFailed(id: number, error: string) {
  getDb().update(outbox).set({ status: "failed", lastError: error }).where(eq(outbox.id, id)).run();
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
