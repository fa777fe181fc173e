import { createHmac, timingSafeEqual } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import { getAuthSecret } from "./auth-secret";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";

// Unsubscribe links are stateless and never void; manage links carry the signature's link version too.
type Purpose = "unsubscribe";

// Version 1 is MACed without it, as before versions existed: links already in inboxes keep working.
const mac = (purpose: Purpose | "manage", id: number, version = 1) =>
  createHmac("sha256", getAuthSecret())
    .update(version === 1 ? `${purpose}\u0000${id}` : `${purpose}\u0000${id}\u0000${version}`)
    .digest("base64url");

function parse(token: unknown): { id: number; given: string } | null {
  if (typeof token !== "string" || token.length > 80) return null;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: Number(match[1]), given: match[2] } : null;
}

const same = (expected: string, given: string) =>
  expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));

/**
 * A signer's unsubscribe token: the signature's id and a MAC over it under the server secret, so nothing
 * needs storing and a token for one signature says nothing about another's.
 */
export function signerToken(purpose: Purpose, signatureId: number): string {
  return `${signatureId}.${mac(purpose, signatureId)}`;
}

export function verifySignerToken(purpose: Purpose, token: unknown): number | null {
  const parsed = parse(token);
  return parsed && same(mac(purpose, parsed.id), parsed.given) ? parsed.id : null;
}

/** A signer's private link token: like an unsubscribe token, with the signature's link version in the MAC. */
export function manageToken(signatureId: number, version: number): string {
  return `${signatureId}.${mac("manage", signatureId, version)}`;
}

/** The signature's current link version, or undefined when there is no such signature. */
export type LinkVersionLookup = (signatureId: number) => Promise<number | undefined>;

/**
 * Checks a private link against the version now stored for its signature: a link from before the signer
 * asked for a new one fails exactly like a forged one.
 */
export async function verifyManageToken(
  token: unknown,
  currentVersion: LinkVersionLookup,
): Promise<{ id: number; version: number } | null> {
  const parsed = parse(token);
  if (!parsed) return null;
  const version = await currentVersion(parsed.id);
  if (version === undefined) return null;
  return same(mac("manage", parsed.id, version), parsed.given) ? { id: parsed.id, version } : null;
}

/**
 * The thank-you page learns the signer's private link from this short-lived cookie, set by the confirm
 * button and sent only to that page, never from its address, where it would reach logs and history.
 */
export const MANAGE_HANDOFF_COOKIE = "manage-handoff";
export const MANAGE_HANDOFF_SECONDS = 600;

export function manageUrl(signatureId: number, version: number, locale: Locale): string {
  return `${getConfig().appUrl}${localePath(locale, `/signature/${manageToken(signatureId, version)}`)}`;
}

export function unsubscribeUrl(signatureId: number, locale: Locale): string {
  return `${getConfig().appUrl}${localePath(locale, `/unsubscribe/${signerToken("unsubscribe", signatureId)}`)}`;
}

/** The List-Unsubscribe header's address (RFC 8058): mail programs POST to it, no page, no language. */
export function oneClickUnsubscribeUrl(signatureId: number): string {
  return `${getConfig().appUrl}/api/unsubscribe/${signerToken("unsubscribe", signatureId)}`;
}
