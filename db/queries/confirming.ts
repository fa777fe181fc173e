import { and, eq, sql } from "drizzle-orm";
import { getDb, groupedTransaction, transaction, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { confirmationTokens, documents, signatures, type Document, type Signature } from "@/db/schema";
import { findSignature, type NewSignature, type SignedDocument } from "./signatures";
import { queueWebhookEvent, signatureEventData } from "./webhooks";

// A signature becomes confirmed here: by its signer's link (confirmSignature) or by a partner that confirmed
// the address itself (recordPartnerConfirmedSignature). Either way it is counted and announced once.

const placeholder = sql.placeholder;

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
  return groupedTransaction(async (tx): Promise<ConfirmOutcome> => {
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
    await prepared(tx, countOneMoreSignature).execute({ documentId: document.id });
    await queueWebhookEvent(tx, "signature.confirmed", signatureEventData(confirmed, document), now);
    return true;
  });
}
