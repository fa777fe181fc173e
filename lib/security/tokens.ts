import { createHash, createHmac, randomBytes } from "node:crypto";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh nonce from which a confirmation token is derived (32 random bytes, base64url). */
export function newTokenNonce(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The token in the link: HMAC-SHA256(secret, nonce), 32 bytes, base64url. Deriving it lets the outbox
 * keep only the nonce, so no usable token is ever stored; the database keeps only its SHA-256.
 */
export function deriveToken(secret: string, nonce: string): string {
  return createHmac("sha256", secret).update(nonce).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}
