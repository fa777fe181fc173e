import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { MailBudget } from "@/db/queries/mail-ledger";
import { confirmSignature } from "@/db/queries/confirming";
import { recordSignature, requestSignatureEmail, type IssuedToken, type SignedDocument } from "@/db/queries/signatures";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { clientAddress, hashAddress, hashRecipient } from "@/lib/security/client-address";
import { getConfig } from "@/lib/config";
import { emailKey } from "@/lib/format/email-key";
import { currentRateLimits } from "./rate-limits";
import { deriveToken, hashToken, newTokenNonce } from "@/lib/security/tokens";
import type { SignatureInput } from "@/lib/forms/signature-input";
import { nudgeOutbox } from "@/server/jobs/outbox-worker";

export function issueToken(now = Date.now()): IssuedToken {
  const nonce = newTokenNonce();
  return {
    nonce,
    hash: hashToken(deriveToken(getAuthSecret(), nonce)),
    expiresAt: new Date(now + getConfig().CONFIRM_TOKEN_TTL_HOURS * 3600_000),
  };
}

/** The signing emails this request may still cause (see MailBudget); the client's share is off with RATE_LIMITS=off. */
export function mailBudget(emailKeyOfRecipient: string, clientHash: string | null): MailBudget {
  const config = getConfig();
  return {
    recipientHash: hashRecipient(emailKeyOfRecipient),
    clientHash,
    perClientHour: config.RATE_LIMITS === "off" ? null : config.SIGNER_EMAILS_PER_CLIENT_HOUR,
    perAddressDay: config.SIGNER_EMAILS_PER_ADDRESS_DAY,
  };
}

export type SignOutcome = "accepted" | "not-open";

export type SigningContext = {
  locale: Locale;
  headers: Headers;
  /** Set when the form's bot checks tripped: the signature is kept, flagged, never counted or emailed. */
  flagged?: "honeypot" | "too-fast" | null;
  /** Where the signer came from, already normalised (lib/forms/signature-source.ts); null if unknown. */
  source?: string | null;
  /**
   * Sent by a partner's program with an API key: its requests come from one server for many signers, so
   * the key's own rate limit stands in for the per-client limits and email budget (the address's stays).
   */
  viaApiKey?: boolean;
};

/**
 * Takes a validated signature. The answer never says whether this address had signed before, nor whether
 * the signature was flagged or will be held: the right email goes out either way, up to the cap.
 */
export async function signDocument(
  document: SignedDocument,
  input: SignatureInput,
  context: SigningContext,
): Promise<SignOutcome> {
  if (document.status !== "open") return "not-open";
  const signature = {
    ...input,
    organisation: document.kind === "letter" ? input.organisation : null,
    role: document.kind === "letter" ? input.role : null,
    emailKey: emailKey(input.email),
    locale: context.locale,
    ipHash: context.viaApiKey ? null : hashAddress(clientAddress(context.headers)),
    flagged: context.flagged ?? null,
    source: context.source ?? null,
  };
  const budget = mailBudget(signature.emailKey, signature.ipHash);
  await recordSignature(document, signature, issueToken(), await currentRateLimits(), budget);
  nudgeOutbox();
  return "accepted";
}

export async function resendSignatureEmail(document: SignedDocument, email: string, headers: Headers): Promise<void> {
  const key = emailKey(email);
  await requestSignatureEmail(document, key, issueToken(), mailBudget(key, hashAddress(clientAddress(headers))));
  nudgeOutbox();
}

export async function confirmByToken(token: string) {
  return confirmSignature(hashToken(token));
}
