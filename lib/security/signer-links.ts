import { createHmac, timingSafeEqual } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import { getAuthSecret } from "./auth-secret";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";

type Purpose = "manage" | "unsubscribe";

const mac = (purpose: Purpose, id: number) =>
  createHmac("sha256", getAuthSecret()).update(`${purpose}\u0000${id}`).digest("base64url");

/**
 * A signer's private link token: the signature's id and a MAC over it under the server secret, so nothing
 * needs storing and a token for one signature says nothing about another's.
 */
export function signerToken(purpose: Purpose, signatureId: number): string {
  return `${signatureId}.${mac(purpose, signatureId)}`;
}

export function verifySignerToken(purpose: Purpose, token: unknown): number | null {
  if (typeof token !== "string" || token.length > 80) return null;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(purpose, id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/**
 * The thank-you page learns the signer's private link from this short-lived cookie, set by the confirm
 * button and sent only to that page, never from its address, where it would reach logs and history.
 */
export const MANAGE_HANDOFF_COOKIE = "manage-handoff";
export const MANAGE_HANDOFF_SECONDS = 600;

export function manageUrl(signatureId: number, locale: Locale): string {
  return `${getConfig().appUrl}${localePath(locale, `/signature/${signerToken("manage", signatureId)}`)}`;
}

export function unsubscribeUrl(signatureId: number, locale: Locale): string {
  return `${getConfig().appUrl}${localePath(locale, `/unsubscribe/${signerToken("unsubscribe", signatureId)}`)}`;
}

/** The List-Unsubscribe header's address (RFC 8058): mail programs POST to it, no page, no language. */
export function oneClickUnsubscribeUrl(signatureId: number): string {
  return `${getConfig().appUrl}/api/unsubscribe/${signerToken("unsubscribe", signatureId)}`;
}
