import { and, count, eq, gte, sql } from "drizzle-orm";
import { groupedTransaction, transaction, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { confirmationTokens, outbox, signatures, type Document, type Signature } from "@/db/schema";
import {
  clientOverBudget,
  lockMailBudgets,
  recipientOverBudget,
  recordSigningEmail,
  type MailBudget,
} from "./mail-ledger";

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

/** What signing needs of the document being signed: its title in the signer's language (for the email) and its state. */
export type SignedDocument = Pick<Document, "id" | "kind" | "slug" | "status" | "currentVersion"> & { title: string };

/** What queueing a signature's email needs of the signature. */
type EmailedSignature = Pick<
  Signature,
  "id" | "name" | "email" | "locale" | "state" | "reviewReason" | "emailsSent" | "manageLinkVersion"
>;

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

/** A document's signature by its address (email key), if any. */
export function findSignature(db: Executor, documentId: number, emailKey: string) {
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
    .returning({
      id: signatures.id,
      name: signatures.name,
      email: signatures.email,
      locale: signatures.locale,
      state: signatures.state,
      reviewReason: signatures.reviewReason,
      emailsSent: signatures.emailsSent,
      manageLinkVersion: signatures.manageLinkVersion,
    })
    .prepare();

/** Queues the email a signature needs now (confirm while pending, else "already signed"), and counts it against the budget. */
async function writeSignatureEmail(
  tx: Executor,
  signature: EmailedSignature,
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
  signature: EmailedSignature,
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
  return groupedTransaction(async (tx) => {
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
