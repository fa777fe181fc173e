import { and, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { jsonNumber } from "@/db/dialect";
import { first, getDb, transaction, type Executor, type Tx } from "@/db/index";
import { confirmationTokens, documents, outbox, signatures } from "@/db/schema";
import type { DisplayChoice } from "@/lib/vocabulary";
import { queueWebhookEvent } from "./webhooks";

/** What a signer's private link shows: their own signature, never anyone else's. */
export async function getOwnSignature(id: number) {
  return getDb().select().from(signatures).where(eq(signatures.id, id)).then(first);
}

export async function setDisplayChoice(id: number, display: DisplayChoice) {
  const updated = await getDb()
    .update(signatures)
    .set({ display })
    .where(and(eq(signatures.id, id), isNull(signatures.anonymisedAt)))
    .returning({ id: signatures.id });
  return updated.length;
}

/** Updates are per person: stopping them (or asking again) applies to every signature from that address. */
export async function setUpdatesForSigner(id: number, updates: boolean) {
  return transaction(async (tx) => {
    const signature = await tx
      .select({ emailKey: signatures.emailKey })
      .from(signatures)
      .where(eq(signatures.id, id))
      .then(first);
    if (!signature) return 0;
    const updated = await tx
      .update(signatures)
      .set({ updates })
      .where(eq(signatures.emailKey, signature.emailKey))
      .returning({ id: signatures.id });
    return updated.length;
  });
}

/**
 * Erases a signature's personal data in place: name, address, city, comment, affiliation and address hash,
 * its tokens, and any email to it not yet sent. Country, dates, state and language stay, for the counts.
 */
async function erasePersonalData(tx: Executor, ids: number[], now: Date) {
  if (ids.length === 0) return;
  await tx.delete(confirmationTokens).where(inArray(confirmationTokens.signatureId, ids));
  await tx
    .delete(outbox)
    .where(and(inArray(jsonNumber(outbox.payload, "signatureId"), ids), ne(outbox.status, "sent")));
  await tx
    .update(signatures)
    .set({
      name: "",
      email: "",
      emailKey: sql`'erased:' || ${signatures.id}`,
      city: null,
      comment: null,
      organisation: null,
      role: null,
      ipHash: null,
      updates: false,
      // Nothing is left to show by name.
      display: "hidden",
      anonymisedAt: now,
    })
    .where(inArray(signatures.id, ids));
}

/** A signer withdraws: the signature stops counting and keeps no personal data. */
export async function withdrawSignature(id: number, now = new Date()) {
  return transaction(async (tx) => {
    const signature = await tx.select().from(signatures).where(eq(signatures.id, id)).then(first);
    if (!signature || signature.state === "withdrawn") return null;
    if (signature.state === "confirmed") {
      await tx
        .update(documents)
        .set({ signatureCount: sql`${documents.signatureCount} - 1` })
        .where(eq(documents.id, signature.documentId));
    }
    await tx.update(signatures).set({ state: "withdrawn" }).where(eq(signatures.id, id));
    await erasePersonalData(tx, [id], now);
    // Only the id: the personal data is gone, and a CRM that heard of the confirmation knows whom it means.
    const document = await tx.select().from(documents).where(eq(documents.id, signature.documentId)).then(first);
    await queueWebhookEvent(
      tx,
      "signature.withdrawn",
      { petition: { id: document?.slug, kind: document?.kind }, signature: { id, withdrawn_date: now.toISOString() } },
      now,
    );
    return signature;
  });
}

export type RetentionPolicy = { unconfirmedDays: number; closedDays: number; sentEmailDays: number };
export type RetentionResult = { deleted: number; anonymised: number; emailsDeleted: number };
const DAY = 86_400_000;
const CHUNK = 5_000;

/** Repeats a chunked write, each chunk its own short transaction, until a chunk comes back short. */
async function inChunks(work: (tx: Tx) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await transaction(work);
    total += done;
    if (done < CHUNK) return total;
  }
}

/**
 * Applies the retention schedule: signatures that never counted (pending, flagged, or rejected before
 * confirming) are deleted after `unconfirmedDays`, unless a confirmation link sent since still works;
 * signatures of a document closed more than `closedDays` ago are anonymised, counts kept; sent (or
 * abandoned) emails, which hold names and addresses, are deleted after `sentEmailDays`. Works in chunks,
 * so the signing path never waits long for the write lock.
 */
export async function applyRetention(policy: RetentionPolicy, now = Date.now()): Promise<RetentionResult> {
  const db = getDb();
  const unconfirmedBefore = new Date(now - policy.unconfirmedDays * DAY);
  const deleted = await inChunks(async (tx) => {
    const ids = await tx
      .select({ id: signatures.id })
      .from(signatures)
      .where(
        and(
          or(
            inArray(signatures.state, ["pending", "flagged"]),
            and(eq(signatures.state, "rejected"), isNull(signatures.confirmedAt)),
          ),
          lt(signatures.createdAt, unconfirmedBefore),
          sql`not exists (select 1 from ${confirmationTokens} where ${confirmationTokens.signatureId} = ${signatures.id} and ${confirmationTokens.expiresAt} > ${now})`,
        ),
      )
      .limit(CHUNK)
      .then((rows) => rows.map((row) => row.id));
    if (ids.length === 0) return 0;
    await tx.delete(outbox).where(inArray(jsonNumber(outbox.payload, "signatureId"), ids));
    // Their tokens go with them (ON DELETE CASCADE).
    const removed = await tx.delete(signatures).where(inArray(signatures.id, ids)).returning({ id: signatures.id });
    return removed.length;
  });

  const expired = (
    await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.status, "closed"), lt(documents.closedAt, new Date(now - policy.closedDays * DAY))))
  ).map((row) => row.id);
  const anonymised =
    expired.length === 0
      ? 0
      : await inChunks(async (tx) => {
          const ids = await tx
            .select({ id: signatures.id })
            .from(signatures)
            .where(and(inArray(signatures.documentId, expired), isNull(signatures.anonymisedAt)))
            .limit(CHUNK)
            .then((rows) => rows.map((row) => row.id));
          await erasePersonalData(tx, ids, new Date(now));
          return ids.length;
        });

  const emailsBefore = new Date(now - policy.sentEmailDays * DAY);
  const emailsDeleted = await db
    .delete(outbox)
    .where(
      or(
        and(eq(outbox.status, "sent"), lt(outbox.sentAt, emailsBefore)),
        and(eq(outbox.status, "failed"), lt(outbox.createdAt, emailsBefore)),
      ),
    )
    .returning({ id: outbox.id });
  return { deleted, anonymised, emailsDeleted: emailsDeleted.length };
}
