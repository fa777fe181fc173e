import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { parseInvalidationCriteria } from "@/server/admin/inputs/invalidation-criteria";
import { approveHeldSignatures, invalidateSignatures } from "./moderation";
import { recountConfirmed } from "./signature-counts";

const db = () => getDb();
const documentBySlug = async (slug: string) => (await db().select().from(documents).where(eq(documents.slug, slug)))[0];
const documentId = async (slug: string) => (await documentBySlug(slug)).id;
const count = async (slug: string) => (await documentBySlug(slug)).signatureCount;
const states = async () =>
  (await db().select().from(signatures).orderBy(asc(signatures.id))).map((row) => `${row.email}:${row.state}`);

async function insert(slug: string, email: string, state: "held" | "confirmed" | "pending") {
  const [row] = await db()
    .insert(signatures)
    .values({
      documentId: await documentId(slug),
      name: email,
      email,
      emailKey: emailKey(email),
      country: "FR",
      display: "full",
      state,
      reviewReason: state === "confirmed" ? null : "burst-limit",
      confirmedAt: state === "pending" ? null : new Date(),
    })
    .returning();
  return row.id;
}

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await insert("moscow-trials", "counted@example.org", "confirmed");
  await insert("moscow-trials", "held1@example.org", "held");
  await insert("moscow-trials", "held2@example.org", "held");
  await insert("moscow-trials", "waiting@example.org", "pending");
  await insert("family-letter", "letter-held@example.org", "held");
  for (const { documentId, actual } of await recountConfirmed())
    await db().update(documents).set({ signatureCount: actual }).where(eq(documents.id, documentId));
});

describe("reviewing held signatures", () => {
  it("approving one document's held signatures counts them there, and nowhere else", async () => {
    expect(await approveHeldSignatures({ documentId: await documentId("moscow-trials") })).toBe(2);
    expect(await count("moscow-trials")).toBe(3);
    expect(await count("family-letter")).toBe(0);
    expect(await states()).toContain("letter-held@example.org:held");
    expect(await states()).toContain("waiting@example.org:pending");
    expect((await recountConfirmed()).filter((row) => row.kept !== row.actual)).toEqual([]);
  });

  it("approves no signature held after the page the organiser saw", async () => {
    const seen = (await db().select().from(signatures)).filter((row) => row.state === "held").map((row) => row.id);
    const later = await insert("moscow-trials", "held-later@example.org", "held");
    expect(await approveHeldSignatures({ upToId: Math.max(...seen) })).toBe(3);
    expect(await states()).toContain("held-later@example.org:held");
    expect(later).toBeGreaterThan(Math.max(...seen));
  });

  it("rejecting held signatures (bulk invalidation, held only) leaves confirmed and pending ones and the counts alone", async () => {
    const parsed = parseInvalidationCriteria({ document: "moscow-trials", heldOnly: "true" });
    expect(parsed).toEqual({ ok: true, criteria: { document: "moscow-trials", heldOnly: true } });
    expect(await invalidateSignatures(parsed.ok ? parsed.criteria : {})).toBe(2);
    expect(await states()).toEqual([
      "counted@example.org:confirmed",
      "held1@example.org:rejected",
      "held2@example.org:rejected",
      "waiting@example.org:pending",
      "letter-held@example.org:held",
    ]);
    expect(await count("moscow-trials")).toBe(1);
  });

  it("still refuses a bulk invalidation with nothing but a document", () => {
    expect(parseInvalidationCriteria({ document: "moscow-trials", heldOnly: "" })).toMatchObject({ ok: false });
  });
});

describe("signing over the rate limit", () => {
  it("holds the signature beyond the burst limit from one client once confirmed; other clients and documents are not affected", async () => {
    const { getLocalizedDocument } = await import("./documents");
    const { recordSignature } = await import("./signatures");
    const { confirmSignature } = await import("./confirming");
    const { hashToken, newTokenNonce } = await import("@/lib/security/tokens");
    const petition = (await getLocalizedDocument("petition", "moscow-trials", "en"))!;
    const limits = { burst: { count: 2, seconds: 60 }, sustained: { count: 10, seconds: 3600 } };
    const sign = async (email: string, ipHash: string) => {
      const plain = newTokenNonce();
      const token = { hash: hashToken(plain), nonce: newTokenNonce(), expiresAt: new Date(Date.now() + 3600_000) };
      await recordSignature(
        petition,
        {
          name: email,
          email,
          emailKey: emailKey(email),
          country: "FR",
          city: null,
          comment: null,
          organisation: null,
          role: null,
          display: "full",
          updates: false,
          locale: "en",
          ipHash,
          flagged: null,
        },
        token,
        limits,
      );
      return (await confirmSignature(token.hash)).status;
    };
    await db().delete(signatures);
    await db().update(documents).set({ signatureCount: 0 });
    const busy = "busy".padEnd(22, "x");
    expect(await sign("r1@example.org", busy)).toBe("just-confirmed");
    expect(await sign("r2@example.org", busy)).toBe("just-confirmed");
    expect(await sign("r3@example.org", busy)).toBe("just-confirmed"); // the signer sees no difference…
    expect(await sign("other@example.org", "other".padEnd(22, "x"))).toBe("just-confirmed");
    expect(await states()).toEqual([
      "r1@example.org:confirmed",
      "r2@example.org:confirmed",
      "r3@example.org:held",
      "other@example.org:confirmed",
    ]);
    expect(await count("moscow-trials")).toBe(3); // …but the third from that client waits for review
  });
});
