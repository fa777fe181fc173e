import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "../index";
import { confirmationTokens, documents, outbox, signatures, type DisplayChoice } from "../schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What a signer's private link shows: their own signature, never anyone else's. */
export async function getOwnSignature(id: number) {
  return getDb().select().from(signatures).where(eq(signatures.id, id)).get();
}

export async function setDisplayChoice(id: number, display: DisplayChoice) {
  return getDb()
    .update(signatures)
    .set({ display })
    .where(and(eq(signatures.id, id), sql`${signatures.anonymisedAt} is null`))
    .run().changes;
}

/** Updates are per person: stopping them (or asking again) applies to every signature from that address. */
export async function setUpdatesForSigner(id: number, updates: boolean) {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const signature = tx.select({ emailKey: signatures.emailKey }).from(signatures).where(eq(signatures.id, id)).get();
      if (!signature) return 0;
      return tx.update(signatures).set({ updates }).where(eq(signatures.emailKey, signature.emailKey)).run().changes;
    },
    { behavior: "immediate" },
  );
}

/**
 * Erases a signature's personal data in place: name, address, city, comment, affiliation and address hash,
 * its tokens, and any email to it not yet sent. Country, date, state and language stay, for the counts.
 */
function erasePersonalData(tx: Tx, ids: number[], now: Date) {
  if (ids.length === 0) return;
  tx.delete(confirmationTokens).where(inArray(confirmationTokens.signatureId, ids)).run();
  tx.delete(outbox)
    .where(and(inArray(sql`json_extract(${outbox.payload}, '$.signatureId')`, ids), sql`${outbox.status} <> 'sent'`))
    .run();
  tx.update(signatures)
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
      anonymisedAt: now,
    })
    .where(inArray(signatures.id, ids))
    .run();
}

/** A signer withdraws: the signature stops counting and keeps no personal data. */
export async function withdrawSignature(id: number, now = new Date()) {
  return getDb().transaction(
    (tx) => {
      const signature = tx.select().from(signatures).where(eq(signatures.id, id)).get();
      if (!signature || signature.state === "withdrawn") return null;
      if (signature.state === "confirmed") {
        tx.update(documents)
          .set({ signatureCount: sql`${documents.signatureCount} - 1` })
          .where(eq(documents.id, signature.documentId))
          .run();
      }
      tx.update(signatures).set({ state: "withdrawn" }).where(eq(signatures.id, id)).run();
      erasePersonalData(tx, [id], now);
      return signature;
    },
    { behavior: "immediate" },
  );
}

export type RetentionPolicy = { unconfirmedDays: number; closedDays: number; sentEmailDays: number };
const DAY = 86_400_000;
const CHUNK = 5_000;

/**
 * Applies the retention schedule: unconfirmed (and flagged) signatures are deleted after `unconfirmedDays`;
 * signatures of a document closed more than `closedDays` ago are anonymised, counts kept; sent emails,
 * which hold names and addresses, are deleted after `sentEmailDays`. Works in chunks, so the signing
 * path never waits long for the write lock.
 */
export async function applyRetention(policy: RetentionPolicy, now = Date.now()) {
  const db = getDb();
  const result = { deleted: 0, anonymised: 0, emailsDeleted: 0 };
  const unconfirmedBefore = new Date(now - policy.unconfirmedDays * DAY);
  for (;;) {
    const deleted = db.transaction(
      (tx) => {
        const ids = tx
          .select({ id: signatures.id })
          .from(signatures)
          .where(and(inArray(signatures.state, ["pending", "flagged"]), lt(signatures.createdAt, unconfirmedBefore)))
          .limit(CHUNK)
          .all()
          .map((row) => row.id);
        if (ids.length === 0) return 0;
        tx.delete(outbox).where(inArray(sql`json_extract(${outbox.payload}, '$.signatureId')`, ids)).run();
        return tx.delete(signatures).where(inArray(signatures.id, ids)).run().changes;
      },
      { behavior: "immediate" },
    );
    result.deleted += deleted;
    if (deleted < CHUNK) break;
  }
  const closedBefore = new Date(now - policy.closedDays * DAY);
  const expired = db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.status, "closed"), lt(documents.closedAt, closedBefore)))
    .all()
    .map((row) => row.id);
  for (;;) {
    const anonymised = db.transaction(
      (tx) => {
        if (expired.length === 0) return 0;
        const ids = tx
          .select({ id: signatures.id })
          .from(signatures)
          .where(and(inArray(signatures.documentId, expired), sql`${signatures.anonymisedAt} is null`))
          .limit(CHUNK)
          .all()
          .map((row) => row.id);
        erasePersonalData(tx, ids, new Date(now));
        return ids.length;
      },
      { behavior: "immediate" },
    );
    result.anonymised += anonymised;
    if (anonymised < CHUNK) break;
  }
  result.emailsDeleted = db
    .delete(outbox)
    .where(and(eq(outbox.status, "sent"), lt(outbox.sentAt, new Date(now - policy.sentEmailDays * DAY))))
    .run().changes;
  return result;
}
