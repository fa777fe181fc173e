import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { delegationDocuments, outbox, outboxPriorities, signatures, updates, type Translated } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

export type UpdateTexts = Translated<{ subject: string; body: string }>;
export type UpdateTarget = { documentId: number } | { delegationId: number };
export type CampaignUpdate = typeof updates.$inferSelect;
export type UpdatePayload = { updateId: number; signatureId: number; locale: Locale };

export const UPDATE_TEMPLATE = "campaign-update";

export async function createUpdate(target: UpdateTarget, texts: UpdateTexts, createdBy: string) {
  return getDb()
    .insert(updates)
    .values({ ...target, texts, createdBy })
    .returning()
    .get();
}

export async function getUpdate(id: number) {
  return getDb().select().from(updates).where(eq(updates.id, id)).get();
}

export async function listUpdates() {
  return getDb().select().from(updates).orderBy(desc(updates.id)).all();
}

/** A draft can be rewritten until it is sent; once queued its text is what signers receive. */
export async function editDraftUpdate(id: number, target: UpdateTarget, texts: UpdateTexts) {
  const { documentId = null, delegationId = null } = target as { documentId?: number; delegationId?: number };
  return getDb()
    .update(updates)
    .set({ documentId, delegationId, texts })
    .where(and(eq(updates.id, id), eq(updates.status, "draft")))
    .returning()
    .get();
}

type Targeted = Pick<CampaignUpdate, "documentId" | "delegationId">;

/** The documents whose signers an update is for: one document, or everything a delegation carries. */
function targetDocumentIds(update: Targeted): number[] {
  if (update.documentId) return [update.documentId];
  return getDb()
    .select({ id: delegationDocuments.documentId })
    .from(delegationDocuments)
    .where(eq(delegationDocuments.delegationId, update.delegationId ?? -1))
    .all()
    .map((row) => row.id);
}

const recipientsWhere = (documentIds: number[]) =>
  and(inArray(signatures.documentId, documentIds), eq(signatures.state, "confirmed"), eq(signatures.updates, true));

/** How many people (distinct addresses) would receive the update: confirmed signers who asked for updates. */
export async function countUpdateRecipients(update: Targeted) {
  return (
    getDb()
      .select({ people: sql<number>`count(distinct ${signatures.emailKey})` })
      .from(signatures)
      .where(recipientsWhere(targetDocumentIds(update)))
      .get()?.people ?? 0
  );
}

/**
 * Queues the update for every confirmed signer who opted in, one email per person, in one transaction.
 * Each message has a dedupe key (update, person): sending again (after a crash, or a double click) adds
 * only people not yet queued, so nobody receives the update twice.
 */
export async function queueUpdate(id: number) {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const update = tx.select().from(updates).where(eq(updates.id, id)).get();
      if (!update) return null;
      if (update.status === "sent") return { update, queued: 0 }; // finished: a late click reaches nobody new
      const documentIds = targetDocumentIds(update);
      if (documentIds.length === 0) return { update, queued: 0 };
      const { changes } = tx.run(sql`
        insert into ${outbox} (template, recipient, payload, update_id, dedupe_key, priority)
        select ${UPDATE_TEMPLATE}, s.email,
               json_object('updateId', cast(${update.id} as integer), 'signatureId', s.id, 'locale', s.locale),
               ${update.id}, ${`update:${update.id}:`} || s.email_key, ${outboxPriorities.update}
        from ${signatures} s
        where s.id in (
          select min(id) from ${signatures}
          where document_id in (${sql.join(
            documentIds.map((documentId) => sql`${documentId}`),
            sql`, `,
          )})
            and state = 'confirmed' and updates = 1
          group by email_key
        )
        on conflict (dedupe_key) do nothing
      `);
      const recipients = tx
        .select({ count: sql<number>`count(*)` })
        .from(outbox)
        .where(eq(outbox.updateId, id))
        .get()!.count;
      tx.update(updates).set({ status: "sending", recipients }).where(eq(updates.id, id)).run();
      return { update, queued: changes };
    },
    { behavior: "immediate" },
  );
}

/** Where sending stands: queued, sending, sent and failed messages of one update. */
export async function getUpdateProgress(id: number) {
  const rows = getDb()
    .select({ status: outbox.status, count: sql<number>`count(*)` })
    .from(outbox)
    .where(eq(outbox.updateId, id))
    .groupBy(outbox.status)
    .all();
  const progress = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) progress[row.status] = row.count;
  return progress;
}

/**
 * Marks a sending update as sent once none of its messages is waiting or in flight (failed ones are
 * finished too: they are reported, not retried forever). Returns whether it did.
 */
export async function markUpdateSent(id: number, now = new Date()) {
  return (
    getDb()
      .update(updates)
      .set({ status: "sent", sentAt: now })
      .where(
        and(
          eq(updates.id, id),
          eq(updates.status, "sending"),
          sql`not exists (select 1 from ${outbox} where ${outbox.updateId} = ${id} and ${outbox.status} in ('queued', 'sending'))`,
        ),
      )
      .run().changes > 0
  );
}
