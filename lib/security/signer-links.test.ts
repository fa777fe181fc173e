import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { manageToken, signerToken, verifyManageToken, verifySignerToken } from "./signer-links";

// unit-setup.ts sets AUTH_SECRET to this.
const legacyManageToken = (id: number) =>
  `${id}.${createHmac("sha256", "unit-test-secret").update(`manage\u0000${id}`).digest("base64url")}`;

/** A signature table of two: 7 on its third link, 8 on its first. */
const versions = new Map([
  [7, 3],
  [8, 1],
]);
const lookup = async (id: number) => versions.get(id);

describe("private (manage) links", () => {
  it("at version 1 are the links sent before versions existed", () => {
    expect(manageToken(8, 1)).toBe(legacyManageToken(8));
    expect(manageToken(7, 2)).not.toBe(legacyManageToken(7));
    expect(manageToken(7, 2)).toMatch(/^7\.[A-Za-z0-9_-]{43}$/);
  });

  it("open only at the version stored for their signature", async () => {
    expect(await verifyManageToken(manageToken(7, 3), lookup)).toEqual({ id: 7, version: 3 });
    expect(await verifyManageToken(manageToken(8, 1), lookup)).toEqual({ id: 8, version: 1 });
    for (const old of [manageToken(7, 1), manageToken(7, 2), legacyManageToken(7)]) {
      expect(await verifyManageToken(old, lookup)).toBeNull();
    }
    expect(await verifyManageToken(manageToken(7, 4), lookup)).toBeNull(); // not yet issued
  });

  it("say nothing about another signature, nor about a missing one", async () => {
    const mac = manageToken(7, 3).split(".")[1];
    expect(await verifyManageToken(`8.${mac}`, lookup)).toBeNull();
    expect(await verifyManageToken(manageToken(9, 1), lookup)).toBeNull();
  });

  it("are refused unread when malformed, without asking for a version", async () => {
    const asked: number[] = [];
    const spy = async (id: number) => (asked.push(id), versions.get(id));
    for (const token of [undefined, 7, "", "7", `7.${"A".repeat(42)}`, `7.${"A".repeat(44)}`, `x.${"A".repeat(43)}`]) {
      expect(await verifyManageToken(token, spy)).toBeNull();
    }
    expect(asked).toEqual([]);
  });

  it("are not unsubscribe links, nor the other way round", async () => {
    expect(verifySignerToken("unsubscribe", manageToken(8, 1))).toBeNull();
    expect(await verifyManageToken(signerToken("unsubscribe", 8), lookup)).toBeNull();
    expect(verifySignerToken("unsubscribe", signerToken("unsubscribe", 8))).toBe(8);
  });
});
