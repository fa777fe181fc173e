import { describe, expect, it } from "vitest";
import { deriveToken, hashToken, isWellFormedToken, newTokenNonce } from "./tokens";

describe("confirmation tokens", () => {
  it("derives a 32-byte base64url token from a fresh nonce", () => {
    const token = deriveToken("secret", newTokenNonce());
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
  });

  it("gives different tokens for different nonces and secrets", () => {
    const nonce = newTokenNonce();
    expect(deriveToken("secret", nonce)).toBe(deriveToken("secret", nonce));
    expect(deriveToken("secret", nonce)).not.toBe(deriveToken("other", nonce));
    expect(deriveToken("secret", newTokenNonce())).not.toBe(deriveToken("secret", nonce));
  });

  it("never gives the same nonce twice, across many refills of its random bytes", () => {
    const nonces = Array.from({ length: 1000 }, () => newTokenNonce());
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64url")).toHaveLength(32);
  });

  it("stores only a SHA-256 hex digest, which is not the token", () => {
    const token = deriveToken("secret", newTokenNonce());
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it("rejects garbage before any lookup", () => {
    for (const value of ["", "short", "x".repeat(44), "a/b+c=".padEnd(43, "a"), null, 42, "é".repeat(43)]) {
      expect(isWellFormedToken(value)).toBe(false);
    }
  });
});
