import { and, count, countDistinct, desc, eq, inArray, min, sql } from "drizzle-orm";
import { jsonObject, runStatement } from "@/db/dialect";
import { first, getDb, transaction, type Executor } from "@/db/index";
import { delegationDocuments, outbox, outboxPriorities, signatures, updates, type Translated } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { queueWebhookEvent } from "./webhooks";

export type UpdateTexts = Translated<{ subject: string; body: string }>;
export type UpdateTarget = { documentId: number } | { delegationId: number };
export type CampaignUpdate = typeof updates.$inferSelect;
export type UpdatePayload = { updateId: number; signatureId: number; locale: Locale; manageVersion?: number };

export const UPDATE_TEMPLATE = "campaign-update";

export async function createUpdate(target: UpdateTarget, texts: UpdateTexts, createdBy: string) {
  return getDb()
    .insert(updates)
    .values({ ...target, texts, createdBy })
    .returning()
    .then(([row]) => row);
}

export async function getUpdate(id: number) {
  return getDb().select().from(updates).where(eq(updates.id, id)).then(first);
}

export async function listUpdates() {
  return getDb().select().from(updates).orderBy(desc(updates.id));
}

/** A draft can be rewritten until it is sent; once queued its text is what signers receive. */
export async function editDraftUpdate(id: number, target: UpdateTarget, texts: UpdateTexts) {
  const { documentId = null, delegationId = null } = target as { documentId?: number; delegationId?: number };
  return getDb()
    .update(updates)
    .set({ documentId, delegationId, texts })
    .where(and(eq(updates.id, id), eq(updates.status, "draft")))
    .returning()
    .then(first);
}

/** Deletes a draft; an update that was queued meanwhile stays (its mail may be on the way). 0 when nothing was deleted. */
export async function deleteDraftUpdate(id: number) {
  const deleted = await getDb()
    .delete(updates)
    .where(and(eq(updates.id, id), eq(updates.status, "draft")))
    .returning({ id: updates.id });
  return deleted.length;
}

type Targeted = Pick<CampaignUpdate, "documentId" | "delegationId">;

/** The documents whose signers an update is for: one document, or everything a delegation carries. */
async function targetDocumentIds(db: Executor, update: Targeted): Promise<number[]> {
  if (update.documentId) return [update.documentId];
  const rows = await db
    .select({ id: delegationDocuments.documentId })
    .from(delegationDocuments)
    .where(eq(delegationDocuments.delegationId, update.delegationId ?? -1));
  return rows.map((row) => row.id);
}

const recipientsWhere = (documentIds: number[]) =>
  and(inArray(signatures.documentId, documentIds), eq(signatures.state, "confirmed"), eq(signatures.updates, true));

/** How many people (distinct addresses) would receive the update: confirmed signers who asked for updates. */
export async function countUpdateRecipients(update: Targeted) {
  const db = getDb();
  const [row] = await db
    .select({ people: countDistinct(signatures.emailKey) })
    .from(signatures)
    .where(recipientsWhere(await targetDocumentIds(db, update)));
  return row?.people ?? 0;
}

async function countQueued(db: Executor, updateId: number) {
  const [row] = await db.select({ messages: count() }).from(outbox).where(eq(outbox.updateId, updateId));
  return row?.messages ?? 0;
}

/**
 * Queues the update for every confirmed signer who opted in, one email per person, in one transaction.
 * Each message has a dedupe key (update, person): sending again (after a crash, or a double click) adds
 * only people not yet queued, so nobody receives the update twice.
 */
export async function queueUpdate(id: number) {
  return transaction(async (tx) => {
    const update = await tx.select().from(updates).where(eq(updates.id, id)).then(first);
    if (!update) return null;
    if (update.status === "sent") return { update, queued: 0 }; // finished: a late click reaches nobody new
    const documentIds = await targetDocumentIds(tx, update);
    if (documentIds.length === 0) return { update, queued: 0 };
    const queuedBefore = await countQueued(tx, id);
    const firstPerPerson = tx
      .select({ id: min(signatures.id) })
      .from(signatures)
      .where(recipientsWhere(documentIds))
      .groupBy(signatures.emailKey);
    const columns = [
      outbox.template,
      outbox.recipient,
      outbox.payload,
      outbox.updateId,
      outbox.dedupeKey,
      outbox.priority,
    ];
    // One statement, however many signers: the rows never pass through this process.
    await runStatement(
      tx,
      sql`insert into ${outbox} (${sql.join(
        columns.map((column) => sql.identifier(column.name)),
        sql`, `,
      )})
        select cast(${UPDATE_TEMPLATE} as text), ${signatures.email},
          ${jsonObject({
            updateId: sql`cast(${update.id} as integer)`,
            signatureId: signatures.id,
            locale: signatures.locale,
            manageVersion: signatures.manageLinkVersion,
          })},
          cast(${update.id} as integer), cast(${`update:${update.id}:`} as text) || ${signatures.emailKey},
          cast(${outboxPriorities.update} as integer)
        from ${signatures} where ${inArray(signatures.id, firstPerPerson)}
        on conflict (${sql.identifier(outbox.dedupeKey.name)}) do nothing`,
    );
    const recipients = await countQueued(tx, id);
    await tx.update(updates).set({ status: "sending", recipients }).where(eq(updates.id, id));
    return { update, queued: recipients - queuedBefore };
  });
}

/** Where sending stands: queued, sending, sent and failed messages of one update. */
export async function getUpdateProgress(id: number) {
  const rows = await getDb()
    .select({ status: outbox.status, count: count() })
    .from(outbox)
    .where(eq(outbox.updateId, id))
    .groupBy(outbox.status);
  const progress = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) progress[row.status] = row.count;
  return progress;
}

/**
 * Marks a sending update as sent once none of its messages is waiting or in flight (failed ones are
 * finished too: they are reported, not retried forever). Returns whether it did.
 */
export async function markUpdateSent(id: number, now = new Date()) {
  const marked = await transaction(async (tx) => {
    const sent = await tx
      .update(updates)
      .set({ status: "sent", sentAt: now })
      .where(
        and(
          eq(updates.id, id),
          eq(updates.status, "sending"),
          sql`not exists (select 1 from ${outbox} where ${outbox.updateId} = ${id} and ${outbox.status} in ('queued', 'sending'))`,
        ),
      )
      .returning({ id: updates.id, recipients: updates.recipients });
    if (sent.length > 0) {
      const [update] = sent;
      await queueWebhookEvent(
        tx,
        "update.sent",
        { update: { id: update.id, recipients: update.recipients, sent_date: now.toISOString() } },
        now,
      );
    }
    return sent;
  });
  return marked.length > 0;
}
