import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import { getDb, transaction, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { confirmationTokens, documents, outbox, signatures, type Document, type Signature } from "@/db/schema";
import {
  clientOverBudget,
  lockMailBudgets,
  recipientOverBudget,
  recordSigningEmail,
  type MailBudget,
} from "./mail-ledger";
import { queueWebhookEvent, signatureEventData } from "./webhooks";

/** No signature ever gets more than this many emails from repeated signing or link requests. */
export const MAX_EMAILS_PER_SIGNATURE = 5;

export type NewSignature = Pick<
  Signature,
  | "name"
  | "email"
  | "emailKey"
  | "country"
  | "city"
  | "comment"
  | "organisation"
  | "role"
  | "display"
  | "updates"
  | "locale"
  | "ipHash"
> & { flagged: "honeypot" | "too-fast" | null; source?: string | null };

/** Signatures from one client (IP hash) on one document beyond which new ones are held for review. */
export type RateLimits = {
  burst: { count: number; seconds: number };
  sustained: { count: number; seconds: number };
} | null;

/** The document being signed, with its title in the signer's language (for the email). */
export type SignedDocument = Document & { title: string };

/** A confirmation token about to be issued: only its hash is stored; the nonce lets the mailer derive it. */
export type IssuedToken = { hash: string; nonce: string; expiresAt: Date };

export type ConfirmEmailPayload = {
  name: string;
  documentTitle: string;
  documentKind: Document["kind"];
  documentSlug: string;
  tokenNonce: string;
  locale: Signature["locale"];
  signatureId: number;
  /** The private link's version when queued (absent in emails queued before versions: 1). */
  manageVersion?: number;
};
export type AlreadySignedPayload = Omit<ConfirmEmailPayload, "tokenNonce">;

export type QueueOutcome = "queued" | "capped" | "held" | "none";

const placeholder = sql.placeholder;

const selectSignatureByEmail = (db: Executor) =>
  db
    .select()
    .from(signatures)
    .where(and(eq(signatures.documentId, placeholder("documentId")), eq(signatures.emailKey, placeholder("emailKey"))))
    .prepare();

function findSignature(db: Executor, documentId: number, emailKey: string) {
  return prepared(db, selectSignatureByEmail)
    .execute({ documentId, emailKey })
    .then(([row]) => row);
}

const insertToken = (db: Executor) =>
  db
    .insert(confirmationTokens)
    .values({
      tokenHash: placeholder("tokenHash"),
      signatureId: placeholder("signatureId"),
      expiresAt: placeholder("expiresAt"),
    })
    .prepare();

const insertOutboxMessage = (db: Executor) =>
  db
    .insert(outbox)
    .values({ template: placeholder("template"), recipient: placeholder("recipient"), payload: placeholder("payload") })
    .prepare();

const countOneMoreEmail = (db: Executor) =>
  db
    .update(signatures)
    .set({ emailsSent: sql`${signatures.emailsSent} + 1` })
    .where(eq(signatures.id, placeholder("id")))
    .prepare();

/** Inserts a new signature, or nothing when this address has already signed this document. */
const insertNewSignature = (db: Executor) =>
  db
    .insert(signatures)
    .values({
      documentId: placeholder("documentId"),
      documentVersion: placeholder("documentVersion"),
      name: placeholder("name"),
      email: placeholder("email"),
      emailKey: placeholder("emailKey"),
      country: placeholder("country"),
      city: placeholder("city"),
      comment: placeholder("comment"),
      organisation: placeholder("organisation"),
      role: placeholder("role"),
      display: placeholder("display"),
      updates: placeholder("updates"),
      locale: placeholder("locale"),
      ipHash: placeholder("ipHash"),
      source: placeholder("source"),
      state: placeholder("state"),
      reviewReason: placeholder("reviewReason"),
      emailsSent: placeholder("emailsSent"),
    })
    .onConflictDoNothing({ target: [signatures.documentId, signatures.emailKey] })
    .returning()
    .prepare();

/** Queues the email a signature needs now (confirm while pending, else "already signed"), and counts it against the budget. */
async function writeSignatureEmail(
  tx: Executor,
  signature: Signature,
  document: SignedDocument,
  token: IssuedToken,
  budget: MailBudget | null,
) {
  const common = {
    name: signature.name,
    documentTitle: document.title,
    documentKind: document.kind,
    documentSlug: document.slug,
    locale: signature.locale,
    signatureId: signature.id,
    manageVersion: signature.manageLinkVersion,
  };
  const recipient = signature.email;
  if (signature.state === "pending") {
    await prepared(tx, insertToken).execute({
      tokenHash: token.hash,
      signatureId: signature.id,
      expiresAt: token.expiresAt,
    });
    const payload: ConfirmEmailPayload = { ...common, tokenNonce: token.nonce };
    await prepared(tx, insertOutboxMessage).execute({ template: "confirm-signature", recipient, payload });
  } else {
    const payload: AlreadySignedPayload = common;
    await prepared(tx, insertOutboxMessage).execute({ template: "already-signed", recipient, payload });
  }
  if (budget) await recordSigningEmail(tx, budget);
}

/**
 * Sends the email a signature needs now — confirm while pending, "already signed" once confirmed —
 * unless it has had its share, the address has had its day's share, or the client its hour's. A
 * signature held for the client's budget gets nothing until an organiser releases it. Runs inside the
 * caller's transaction with the signature write.
 */
async function queueSignatureEmail(
  tx: Executor,
  signature: Signature,
  document: SignedDocument,
  token: IssuedToken,
  budget: MailBudget | null,
): Promise<QueueOutcome> {
  if (signature.state !== "pending" && signature.state !== "confirmed" && signature.state !== "held") return "none";
  if (signature.state === "pending" && signature.reviewReason === "email-budget") return "held";
  if (signature.emailsSent >= MAX_EMAILS_PER_SIGNATURE) return "capped";
  const now = Date.now();
  if ((await clientOverBudget(tx, budget, now)) || (await recipientOverBudget(tx, budget, now))) return "capped";
  await writeSignatureEmail(tx, signature, document, token, budget);
  await prepared(tx, countOneMoreEmail).execute({ id: signature.id });
  return "queued";
}

export type RecordOutcome = "created" | QueueOutcome;

const countRecentFromClient = (db: Executor) =>
  db
    .select({ signed: count() })
    .from(signatures)
    .where(
      and(
        eq(signatures.documentId, placeholder("documentId")),
        eq(signatures.ipHash, placeholder("ipHash")),
        gte(signatures.createdAt, placeholder("since")),
      ),
    )
    .prepare();

/** Which rate limit, if any, a new signature from this client on this document goes over. */
async function overLimit(tx: Executor, documentId: number, ipHash: string | null, limits: RateLimits, now: number) {
  if (!limits || !ipHash) return null;
  const recent = async (seconds: number) => {
    const since = now - seconds * 1000; // milliseconds: a placeholder in a condition is not converted
    const [{ signed }] = await prepared(tx, countRecentFromClient).execute({ documentId, ipHash, since });
    return signed;
  };
  if ((await recent(limits.burst.seconds)) >= limits.burst.count) return "burst-limit" as const;
  if ((await recent(limits.sustained.seconds)) >= limits.sustained.count) return "sustained-limit" as const;
  return null;
}

/**
 * Records a signature (or finds the existing one for this person) and queues its email, atomically.
 * A submission that tripped the bot checks is kept, flagged, and never emailed; one from a client that has
 * caused its share of emails is kept pending with no email until an organiser releases it; one over a rate
 * limit is emailed as usual and held for review when confirmed. The caller's answer is the same in every case.
 */
export async function recordSignature(
  document: SignedDocument,
  input: NewSignature,
  token: IssuedToken,
  limits: RateLimits = null,
  budget: MailBudget | null = null,
): Promise<RecordOutcome> {
  return transaction(async (tx) => {
    await lockMailBudgets(tx, budget);
    // Decided before the insert, which then writes the signature and its email count at once; an address
    // that has signed before inserts nothing and goes on below. The reads cost that rare case nothing else.
    const { flagged } = input;
    const now = Date.now();
    const unemailed = !flagged && (await clientOverBudget(tx, budget, now));
    const reviewReason =
      flagged ?? (unemailed ? "email-budget" : await overLimit(tx, document.id, input.ipHash, limits, now));
    const emailed = !flagged && !unemailed && !(await recipientOverBudget(tx, budget, now));
    const [created] = await prepared(tx, insertNewSignature).execute({
      documentId: document.id,
      documentVersion: document.currentVersion,
      name: input.name,
      email: input.email,
      emailKey: input.emailKey,
      country: input.country,
      city: input.city,
      comment: input.comment,
      organisation: input.organisation,
      role: input.role,
      display: input.display,
      updates: input.updates,
      locale: input.locale,
      ipHash: input.ipHash,
      source: input.source ?? null,
      state: flagged ? "flagged" : "pending",
      reviewReason,
      emailsSent: emailed ? 1 : 0,
    });
    if (!created) {
      const existing = (await findSignature(tx, document.id, input.emailKey))!;
      return queueSignatureEmail(tx, existing, document, token, budget);
    }
    if (emailed) await writeSignatureEmail(tx, created, document, token, budget);
    return "created";
  });
}

/** A new confirmation (or "already signed") email for whoever asks with this address; silent otherwise. */
export async function requestSignatureEmail(
  document: SignedDocument,
  emailKey: string,
  token: IssuedToken,
  budget: MailBudget | null = null,
): Promise<QueueOutcome> {
  return transaction(async (tx) => {
    await lockMailBudgets(tx, budget);
    const existing = await findSignature(tx, document.id, emailKey);
    return existing ? queueSignatureEmail(tx, existing, document, token, budget) : "none";
  });
}

/** A signature held for its client's email budget, released by an organiser with a fresh token. */
export type Release = { signatureId: number; document: SignedDocument; token: IssuedToken; recipientHash: string };

/**
 * Releases signatures held for their client's email budget: each is an ordinary pending signature again
 * and gets its confirmation email now, within its address's daily share. Returns how many were released
 * and how many emails were queued.
 */
export async function releaseEmailBudgetHolds(releases: Release[], perAddressDay: number) {
  return transaction(async (tx) => {
    let released = 0;
    let emailed = 0;
    for (const { signatureId, document, token, recipientHash } of releases) {
      const [signature] = await tx.select().from(signatures).where(eq(signatures.id, signatureId));
      if (signature?.state !== "pending" || signature.reviewReason !== "email-budget") continue;
      await tx.update(signatures).set({ reviewReason: null }).where(eq(signatures.id, signatureId));
      released += 1;
      const budget = { recipientHash, clientHash: null, perClientHour: null, perAddressDay };
      await lockMailBudgets(tx, budget);
      if ((await queueSignatureEmail(tx, { ...signature, reviewReason: null }, document, token, budget)) === "queued")
        emailed += 1;
    }
    return { released, emailed };
  });
}

export type TokenLookup =
  | { status: "unknown" }
  | { status: "expired" | "pending" | "confirmed" | "closed"; signature: Signature; document: Document };

const selectByToken = (db: Executor) =>
  db
    .select({ token: confirmationTokens, signature: signatures, document: documents })
    .from(confirmationTokens)
    .innerJoin(signatures, eq(signatures.id, confirmationTokens.signatureId))
    .innerJoin(documents, eq(documents.id, signatures.documentId))
    .where(eq(confirmationTokens.tokenHash, placeholder("tokenHash")))
    .prepare();

async function lookUp(db: Executor, tokenHash: string, now: Date): Promise<TokenLookup> {
  const [row] = await prepared(db, selectByToken).execute({ tokenHash });
  if (
    !row ||
    (row.signature.state !== "pending" && row.signature.state !== "confirmed" && row.signature.state !== "held")
  ) {
    return { status: "unknown" };
  }
  const { signature, document } = row;
  // A held signature looks confirmed to its signer: the review is the organisers' business.
  if (signature.state !== "pending") return { status: "confirmed", signature, document };
  if (row.token.expiresAt.getTime() <= now.getTime()) return { status: "expired", signature, document };
  if (document.status !== "open") return { status: "closed", signature, document };
  return { status: "pending", signature, document };
}

export async function findSignatureByToken(tokenHash: string, now = new Date()): Promise<TokenLookup> {
  return lookUp(getDb(), tokenHash, now);
}

/**
 * Confirms the signature behind a token and counts it, in one transaction; a second confirmation finds
 * it already confirmed and counts nothing.
 */
export type ConfirmOutcome = TokenLookup | { status: "just-confirmed"; signature: Signature; document: Document };

export async function confirmSignature(tokenHash: string, now = new Date()): Promise<ConfirmOutcome> {
  return transaction(async (tx): Promise<ConfirmOutcome> => {
    const found = await lookUp(tx, tokenHash, now);
    if (found.status !== "pending") return found;
    // Two instances confirming the same token at once: only the one that moves it out of pending counts it.
    const held = found.signature.reviewReason !== null;
    const moved = await prepared(tx, moveOutOfPending).execute({
      id: found.signature.id,
      state: held ? "held" : "confirmed",
      confirmedAt: now.getTime(),
    });
    if (moved.length === 0) return { ...found, status: "confirmed" };
    if (held) return { ...found, status: "just-confirmed" as const };
    await prepared(tx, countOneMoreSignature).execute({ documentId: found.document.id });
    const confirmed = { ...found.signature, confirmedAt: now, confirmedBy: "email" };
    await queueWebhookEvent(tx, "signature.confirmed", signatureEventData(confirmed, found.document), now);
    return { ...found, status: "just-confirmed" as const };
  });
}

const moveOutOfPending = (db: Executor) =>
  db
    .update(signatures)
    // In sql`…` a placeholder's value goes to the driver unconverted: the state's text, the time's milliseconds.
    .set({ state: sql`${placeholder("state")}`, confirmedAt: sql`${placeholder("confirmedAt")}`, confirmedBy: "email" })
    .where(and(eq(signatures.id, placeholder("id")), eq(signatures.state, "pending")))
    .returning({ id: signatures.id })
    .prepare();

const countOneMoreSignature = (db: Executor) =>
  db
    .update(documents)
    .set({ signatureCount: sql`${documents.signatureCount} + 1` })
    .where(eq(documents.id, placeholder("documentId")))
    .prepare();

/** Confirmed rows per document, recounted from scratch, for checking the kept counters. */
export async function recountConfirmed(db: Executor = getDb()) {
  return db
    .select({
      documentId: documents.id,
      slug: documents.slug,
      kept: documents.signatureCount,
      // Written out with table names: inside a subquery Drizzle leaves columns unqualified.
      actual:
        sql<number>`(select count(*) from "signatures" where "signatures"."document_id" = "documents"."id" and "signatures"."state" = 'confirmed')`.mapWith(
          Number,
        ),
    })
    .from(documents);
}

/** A document's confirmed signatures counted by country (ISO code), most first. */
export async function countConfirmedByCountry(documentId: number): Promise<{ country: string; signatures: number }[]> {
  return getDb()
    .select({ country: signatures.country, signatures: count() })
    .from(signatures)
    .where(and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed")))
    .groupBy(signatures.country)
    .orderBy(desc(count()), signatures.country);
}

/** How many of a document's signatures were confirmed, and still count, since the given moment. */
export async function countConfirmedSince(documentId: number, since: Date): Promise<number> {
  const [row] = await getDb()
    .select({ confirmed: count() })
    .from(signatures)
    .where(
      and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed"), gte(signatures.confirmedAt, since)),
    );
  return row?.confirmed ?? 0;
}

/**
 * Records a signature whose address a partner (an API key with "signatures:write-confirmed") confirmed
 * itself: confirmed and counted at once, no email. An address that is pending becomes confirmed the same
 * way; one already confirmed, held, withdrawn or rejected is left as it is (a partner cannot undo a
 * withdrawal). Returns whether this call confirmed it.
 */
export async function recordPartnerConfirmedSignature(
  document: SignedDocument,
  input: Omit<NewSignature, "flagged">,
  now = new Date(),
): Promise<boolean> {
  return transaction(async (tx) => {
    const existing = await findSignature(tx, document.id, input.emailKey);
    let confirmed: Signature | undefined;
    if (!existing) {
      [confirmed] = await tx
        .insert(signatures)
        .values({
          ...input,
          documentId: document.id,
          documentVersion: document.currentVersion,
          state: "confirmed",
          confirmedAt: now,
          confirmedBy: "partner",
        })
        .returning();
    } else if (existing.state === "pending") {
      [confirmed] = await tx
        .update(signatures)
        .set({ state: "confirmed", confirmedAt: now, confirmedBy: "partner", reviewReason: null })
        .where(and(eq(signatures.id, existing.id), eq(signatures.state, "pending")))
        .returning();
    }
    if (!confirmed) return false;
    await tx
      .update(documents)
      .set({ signatureCount: sql`${documents.signatureCount} + 1` })
      .where(eq(documents.id, document.id));
    await queueWebhookEvent(tx, "signature.confirmed", signatureEventData(confirmed, document), now);
    return true;
  });
}
