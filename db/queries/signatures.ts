import { and, count, eq, gte, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/index";
import { prepared } from "@/db/prepared";
import {
  confirmationTokens,
  documents,
  mailLedger,
  outbox,
  signatures,
  type Document,
  type Signature,
} from "@/db/schema";

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
> & { flagged: "honeypot" | "too-fast" | null };

/** Signatures from one client (IP hash) on one document beyond which new ones are held for review. */
export type RateLimits = {
  burst: { count: number; seconds: number };
  sustained: { count: number; seconds: number };
} | null;

/**
 * The emails a request may still cause: the recipient's and the client's keyed hashes, and the limits in
 * force. `perClientHour` null: no client budget (RATE_LIMITS=off, or an organiser releasing held ones).
 */
export type MailBudget = {
  recipientHash: string;
  clientHash: string | null;
  perClientHour: number | null;
  perAddressDay: number;
};

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

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
};
export type AlreadySignedPayload = Omit<ConfirmEmailPayload, "tokenNonce">;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const p = sql.placeholder;

// The signing path's statements, prepared once (they run inside the callers' transactions: one connection).
const statements = (db: Db) => ({
  findSignature: prepared(db, "signatures.find", (d) =>
    d
      .select()
      .from(signatures)
      .where(and(eq(signatures.documentId, p("documentId")), eq(signatures.emailKey, p("emailKey"))))
      .prepare(),
  ),
  insertSignature: prepared(db, "signatures.insert", (d) =>
    d
      .insert(signatures)
      .values({
        documentId: p("documentId"),
        name: p("name"),
        email: p("email"),
        emailKey: p("emailKey"),
        country: p("country"),
        city: p("city"),
        comment: p("comment"),
        organisation: p("organisation"),
        role: p("role"),
        display: p("display"),
        updates: p("updates"),
        locale: p("locale"),
        documentVersion: p("documentVersion"),
        ipHash: p("ipHash"),
        state: p("state"),
        reviewReason: p("reviewReason"),
      })
      .returning()
      .prepare(),
  ),
  insertToken: prepared(db, "tokens.insert", (d) =>
    d
      .insert(confirmationTokens)
      .values({ tokenHash: p("tokenHash"), signatureId: p("signatureId"), expiresAt: p("expiresAt") })
      .prepare(),
  ),
  queueEmail: prepared(db, "outbox.insert", (d) =>
    d
      .insert(outbox)
      .values({ template: p("template"), recipient: p("recipient"), payload: p("payload") })
      .prepare(),
  ),
  countFromClient: prepared(db, "signatures.countFromClient", (d) =>
    d
      .select({ count: count() })
      .from(signatures)
      .where(
        and(
          eq(signatures.documentId, p("documentId")),
          eq(signatures.ipHash, p("ipHash")),
          gte(signatures.createdAt, p("since")),
        ),
      )
      .prepare(),
  ),
  findSignatureById: prepared(db, "signatures.findById", (d) =>
    d
      .select()
      .from(signatures)
      .where(eq(signatures.id, p("id")))
      .prepare(),
  ),
  releaseSignature: prepared(db, "signatures.release", (d) =>
    d
      .update(signatures)
      .set({ reviewReason: null })
      .where(eq(signatures.id, p("id")))
      .prepare(),
  ),
  countMailToRecipient: prepared(db, "mailLedger.countToRecipient", (d) =>
    d
      .select({ count: count() })
      .from(mailLedger)
      .where(
        and(
          eq(mailLedger.purpose, "signing"),
          eq(mailLedger.recipientHash, p("recipientHash")),
          gte(mailLedger.createdAt, p("since")),
        ),
      )
      .prepare(),
  ),
  countMailFromClient: prepared(db, "mailLedger.countFromClient", (d) =>
    d
      .select({ count: count() })
      .from(mailLedger)
      .where(
        and(
          eq(mailLedger.purpose, "signing"),
          eq(mailLedger.clientHash, p("clientHash")),
          gte(mailLedger.createdAt, p("since")),
        ),
      )
      .prepare(),
  ),
  recordMail: prepared(db, "mailLedger.insert", (d) =>
    d
      .insert(mailLedger)
      .values({ purpose: "signing", recipientHash: p("recipientHash"), clientHash: p("clientHash") })
      .prepare(),
  ),
  countEmail: prepared(db, "signatures.countEmail", (d) =>
    d
      .update(signatures)
      .set({ emailsSent: sql`${signatures.emailsSent} + 1` })
      .where(eq(signatures.id, p("id")))
      .prepare(),
  ),
});

export type QueueOutcome = "queued" | "capped" | "held" | "none";

/** Whether this client has caused its hour's share of signing emails. Times in ms, as stored. */
function clientOverBudget(db: Db, budget: MailBudget | null, now: number): boolean {
  if (!budget?.clientHash || budget.perClientHour === null) return false;
  const { count: caused } = statements(db).countMailFromClient.get({
    clientHash: budget.clientHash,
    since: now - HOUR_MS,
  })!;
  return caused >= budget.perClientHour;
}

function recipientOverBudget(db: Db, budget: MailBudget | null, now: number): boolean {
  if (!budget) return false;
  const { count: received } = statements(db).countMailToRecipient.get({
    recipientHash: budget.recipientHash,
    since: now - DAY_MS,
  })!;
  return received >= budget.perAddressDay;
}

/**
 * Sends the email a signature needs now — confirm while pending, "already signed" once confirmed —
 * unless it has had its share, the address has had its day's share, or the client its hour's. A
 * signature held for the client's budget gets nothing until an organiser releases it. Runs inside the
 * caller's transaction with the signature write.
 */
function queueSignatureEmail(
  db: Db,
  signature: Signature,
  document: SignedDocument,
  token: IssuedToken,
  budget: MailBudget | null,
): QueueOutcome {
  if (signature.state !== "pending" && signature.state !== "confirmed" && signature.state !== "held") return "none";
  if (signature.state === "pending" && signature.reviewReason === "email-budget") return "held";
  if (signature.emailsSent >= MAX_EMAILS_PER_SIGNATURE) return "capped";
  const now = Date.now();
  if (clientOverBudget(db, budget, now) || recipientOverBudget(db, budget, now)) return "capped";
  const run = statements(db);
  const common = {
    name: signature.name,
    documentTitle: document.title,
    documentKind: document.kind,
    documentSlug: document.slug,
    locale: signature.locale,
    signatureId: signature.id,
  };
  if (signature.state === "pending") {
    run.insertToken.run({ tokenHash: token.hash, signatureId: signature.id, expiresAt: token.expiresAt });
    const payload: ConfirmEmailPayload = { ...common, tokenNonce: token.nonce };
    run.queueEmail.run({ template: "confirm-signature", recipient: signature.email, payload });
  } else {
    const payload: AlreadySignedPayload = common;
    run.queueEmail.run({ template: "already-signed", recipient: signature.email, payload });
  }
  run.countEmail.run({ id: signature.id });
  if (budget) run.recordMail.run({ recipientHash: budget.recipientHash, clientHash: budget.clientHash });
  return "queued";
}

export type RecordOutcome = "created" | QueueOutcome;

/** Which rate limit, if any, a new signature from this client on this document goes over. */
function overLimit(db: Db, documentId: number, ipHash: string | null, limits: RateLimits, now: number) {
  if (!limits || !ipHash) return null;
  const recent = (seconds: number) =>
    // In milliseconds, as stored: a placeholder's value reaches SQLite without the column's Date mapping.
    statements(db).countFromClient.get({ documentId, ipHash, since: now - seconds * 1000 })!.count;
  if (recent(limits.burst.seconds) >= limits.burst.count) return "burst-limit" as const;
  if (recent(limits.sustained.seconds) >= limits.sustained.count) return "sustained-limit" as const;
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
  const db = getDb();
  const run = statements(db);
  return db.transaction(
    () => {
      const existing = run.findSignature.get({ documentId: document.id, emailKey: input.emailKey });
      if (existing) return queueSignatureEmail(db, existing, document, token, budget);
      const { flagged, ...fields } = input;
      const unemailed = !flagged && clientOverBudget(db, budget, Date.now());
      const reviewReason =
        flagged ?? (unemailed ? "email-budget" : overLimit(db, document.id, input.ipHash, limits, Date.now()));
      const created = run.insertSignature.get({
        ...fields,
        documentId: document.id,
        documentVersion: document.currentVersion,
        state: flagged ? "flagged" : "pending",
        reviewReason,
      })!;
      // The client's budget was read just above, in this transaction: only the address's is left to check.
      const rest = budget && { ...budget, perClientHour: null };
      if (!flagged && !unemailed) queueSignatureEmail(db, created, document, token, rest);
      return "created";
    },
    { behavior: "immediate" },
  );
}

/** A new confirmation (or "already signed") email for whoever asks with this address; silent otherwise. */
export async function requestSignatureEmail(
  document: SignedDocument,
  emailKey: string,
  token: IssuedToken,
  budget: MailBudget | null = null,
): Promise<QueueOutcome> {
  const db = getDb();
  return db.transaction(
    () => {
      const existing = statements(db).findSignature.get({ documentId: document.id, emailKey });
      return existing ? queueSignatureEmail(db, existing, document, token, budget) : "none";
    },
    { behavior: "immediate" },
  );
}

/** A signature held for its client's email budget, released by an organiser with a fresh token. */
export type Release = { signatureId: number; document: SignedDocument; token: IssuedToken; recipientHash: string };

/**
 * Releases signatures held for their client's email budget: each is an ordinary pending signature again
 * and gets its confirmation email now, within its address's daily share. Returns how many were released
 * and how many emails were queued.
 */
export async function releaseEmailBudgetHolds(releases: Release[], perAddressDay: number) {
  const db = getDb();
  const run = statements(db);
  return db.transaction(
    () => {
      let released = 0;
      let emailed = 0;
      for (const { signatureId, document, token, recipientHash } of releases) {
        const signature = run.findSignatureById.get({ id: signatureId });
        if (signature?.state !== "pending" || signature.reviewReason !== "email-budget") continue;
        run.releaseSignature.run({ id: signatureId });
        released += 1;
        const budget = { recipientHash, clientHash: null, perClientHour: null, perAddressDay };
        if (queueSignatureEmail(db, { ...signature, reviewReason: null }, document, token, budget) === "queued")
          emailed += 1;
      }
      return { released, emailed };
    },
    { behavior: "immediate" },
  );
}

export type TokenLookup =
  | { status: "unknown" }
  | { status: "expired" | "pending" | "confirmed" | "closed"; signature: Signature; document: Document };

function lookUp(db: Db | Tx, tokenHash: string, now: Date): TokenLookup {
  const row = db
    .select({ token: confirmationTokens, signature: signatures, document: documents })
    .from(confirmationTokens)
    .innerJoin(signatures, eq(signatures.id, confirmationTokens.signatureId))
    .innerJoin(documents, eq(documents.id, signatures.documentId))
    .where(eq(confirmationTokens.tokenHash, tokenHash))
    .get();
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
  return getDb().transaction(
    (tx): ConfirmOutcome => {
      const found = lookUp(tx, tokenHash, now);
      if (found.status !== "pending") return found;
      const held = found.signature.reviewReason !== null;
      tx.update(signatures)
        .set({ state: held ? "held" : "confirmed", confirmedAt: now })
        .where(eq(signatures.id, found.signature.id))
        .run();
      if (held) return { ...found, status: "just-confirmed" as const };
      tx.update(documents)
        .set({ signatureCount: sql`${documents.signatureCount} + 1` })
        .where(eq(documents.id, found.document.id))
        .run();
      return { ...found, status: "just-confirmed" as const };
    },
    { behavior: "immediate" },
  );
}

/** Confirmed rows per document, recounted from scratch, for checking the kept counters. */
export async function recountConfirmed(db: Db = getDb()) {
  return db
    .select({
      documentId: documents.id,
      slug: documents.slug,
      kept: documents.signatureCount,
      // Written out with table names: inside a subquery Drizzle leaves columns unqualified.
      actual: sql<number>`(select count(*) from "signatures" where "signatures"."document_id" = "documents"."id" and "signatures"."state" = 'confirmed')`,
    })
    .from(documents)
    .all();
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
