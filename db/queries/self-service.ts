import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/index";
import { confirmationTokens, documents, outbox, signatures } from "@/db/schema";
import type { DisplayChoice } from "@/lib/vocabulary";

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
      const signature = tx
        .select({ emailKey: signatures.emailKey })
        .from(signatures)
        .where(eq(signatures.id, id))
        .get();
      if (!signature) return 0;
      return tx.update(signatures).set({ updates }).where(eq(signatures.emailKey, signature.emailKey)).run().changes;
    },
    { behavior: "immediate" },
  );
}

/**
 * Erases a signature's personal data in place: name, address, city, comment, affiliation and address hash,
 * its tokens, and any email to it not yet sent. Country, dates, state and language stay, for the counts.
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
      // Nothing is left to show by name.
      display: "hidden",
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
export type RetentionResult = { deleted: number; anonymised: number; emailsDeleted: number };
const DAY = 86_400_000;
const CHUNK = 5_000;

/** Repeats a chunked write, each chunk its own short transaction, until a chunk comes back short. */
function inChunks(work: (tx: Tx) => number): number {
  let total = 0;
  for (;;) {
    const done = getDb().transaction(work, { behavior: "immediate" });
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
  const deleted = inChunks((tx) => {
    const ids = tx
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
      .all()
      .map((row) => row.id);
    if (ids.length === 0) return 0;
    tx.delete(outbox)
      .where(inArray(sql`json_extract(${outbox.payload}, '$.signatureId')`, ids))
      .run();
    // Their tokens go with them (ON DELETE CASCADE).
    return tx.delete(signatures).where(inArray(signatures.id, ids)).run().changes;
  });

  const expired = db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.status, "closed"), lt(documents.closedAt, new Date(now - policy.closedDays * DAY))))
    .all()
    .map((row) => row.id);
  const anonymised =
    expired.length === 0
      ? 0
      : inChunks((tx) => {
          const ids = tx
            .select({ id: signatures.id })
            .from(signatures)
            .where(and(inArray(signatures.documentId, expired), isNull(signatures.anonymisedAt)))
            .limit(CHUNK)
            .all()
            .map((row) => row.id);
          erasePersonalData(tx, ids, new Date(now));
          return ids.length;
        });

  const emailsBefore = new Date(now - policy.sentEmailDays * DAY);
  const emailsDeleted = db
    .delete(outbox)
    .where(
      or(
        and(eq(outbox.status, "sent"), lt(outbox.sentAt, emailsBefore)),
        and(eq(outbox.status, "failed"), lt(outbox.createdAt, emailsBefore)),
      ),
    )
    .run().changes;
  return { deleted, anonymised, emailsDeleted };
}
