import type { Document } from "@/db/schema";
import { confirmSignature, recordSignature, requestSignatureEmail, type IssuedToken } from "@/db/queries/signatures";
import { getAuthSecret } from "./auth-secret";
import { getConfig } from "./config";
import { emailKey } from "./email-key";
import { deriveToken, hashToken, newTokenNonce } from "./tokens";
import type { SignatureInput } from "./signature-input";
import { nudgeOutbox } from "@/emails/worker";

function issueToken(now = Date.now()): IssuedToken {
  const nonce = newTokenNonce();
  return {
    nonce,
    hash: hashToken(deriveToken(getAuthSecret(), nonce)),
    expiresAt: new Date(now + getConfig().CONFIRM_TOKEN_TTL_HOURS * 3600_000),
  };
}

export type SignOutcome = "accepted" | "not-open";

/**
 * Takes a validated signature. The answer never says whether this address had signed before: the
 * right email (confirm, or "already signed") goes out either way, up to the per-signature cap.
 */
export async function signDocument(document: Document, input: SignatureInput): Promise<SignOutcome> {
  if (document.status !== "open") return "not-open";
  await recordSignature(document, { ...input, emailKey: emailKey(input.email) }, issueToken());
  nudgeOutbox();
  return "accepted";
}

export async function resendSignatureEmail(document: Document, email: string): Promise<void> {
  await requestSignatureEmail(document, emailKey(email), issueToken());
  nudgeOutbox();
}

export async function confirmByToken(token: string) {
  return confirmSignature(hashToken(token));
}
