import { createHash, createHmac, randomFillSync } from "node:crypto";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const NONCE_BYTES = 32;
// Every signature takes a nonce: one call to the system's generator fills 128 of them, since the call, not
// the bytes, is what costs. Each nonce's bytes are used once, then overwritten by the next fill.
const noncePool = Buffer.alloc(NONCE_BYTES * 128);
let nonceOffset = noncePool.length;

/** A fresh nonce from which a confirmation token is derived (32 random bytes, base64url). */
export function newTokenNonce(): string {
  if (nonceOffset === noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString("base64url", nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
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
