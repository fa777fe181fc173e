import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { countReviewStates, listHeldSignatures, topAddressHashes, topEmailDomains } from "./anomalies";

const db = () => getDb();
const MINUTE = 60_000;
const ip = (label: string) => label.padEnd(22, "x");
let serial = 0;

async function documentId(slug: string) {
  const [document] = await db().select().from(documents).where(eq(documents.slug, slug));
  return document.id;
}

async function insert(slug: string, email: string, minutesAgo: number, extra: Partial<Signature> = {}) {
  const id = await documentId(slug);
  const [row] = await db()
    .insert(signatures)
    .values({
      documentId: id,
      name: `Person ${++serial}`,
      email,
      emailKey: emailKey(email),
      country: "FR",
      display: "full",
      createdAt: new Date(Date.now() - minutesAgo * MINUTE),
      ...extra,
    })
    .returning();
  return row;
}

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
});

describe("anomalies: who signs the most, lately", () => {
  it("ranks address hashes and email domains per document within the window, in every state", async () => {
    for (let i = 0; i < 4; i++)
      await insert("moscow-trials", `a${i}@Spam.Example`, 10, { ipHash: ip("busy"), state: i ? "pending" : "flagged" });
    for (let i = 0; i < 2; i++) await insert("moscow-trials", `b${i}@example.org`, 30, { ipHash: ip("quiet") });
    await insert("moscow-trials", "someone.else+x@googlemail.com", 50, { ipHash: null });
    for (let i = 0; i < 9; i++)
      await insert("moscow-trials", `old${i}@old.example`, 3 * 60, { ipHash: ip("yesterday") });
    for (let i = 0; i < 5; i++) await insert("family-letter", `c${i}@letter.example`, 5, { ipHash: ip("busy") });

    const moscow = await documentId("moscow-trials");
    const hourAgo = new Date(Date.now() - 60 * MINUTE);
    const dayAgo = new Date(Date.now() - 24 * 60 * MINUTE);
    expect(await topAddressHashes(moscow, hourAgo)).toEqual([
      { ipHash: ip("busy"), count: 4 },
      { ipHash: ip("quiet"), count: 2 },
    ]);
    expect(await topEmailDomains(moscow, hourAgo)).toEqual([
      { domain: "spam.example", count: 4 },
      { domain: "example.org", count: 2 },
      { domain: "gmail.com", count: 1 },
    ]);
    expect((await topAddressHashes(moscow, dayAgo))[0]).toEqual({ ipHash: ip("yesterday"), count: 9 });
    expect(await topEmailDomains(moscow, dayAgo, 1)).toEqual([{ domain: "old.example", count: 9 }]);
    expect(await topAddressHashes(await documentId("family-letter"), hourAgo)).toEqual([
      { ipHash: ip("busy"), count: 5 },
    ]);
  });
});

describe("review: held and flagged signatures", () => {
  it("counts held and flagged (by reason) per document, and lists a document's held ones with their details", async () => {
    const moscow = await documentId("moscow-trials");
    const confirmedAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE);
    const first = await insert("moscow-trials", "one@held.example", 20, {
      state: "held",
      reviewReason: "burst-limit",
      ipHash: ip("burst"),
      confirmedAt: confirmedAt(15),
      country: "DE",
    });
    const second = await insert("moscow-trials", "two@held.example", 20, {
      state: "held",
      reviewReason: "sustained-limit",
      ipHash: ip("burst"),
      confirmedAt: confirmedAt(5),
    });
    await insert("moscow-trials", "bot@x.example", 1, { state: "flagged", reviewReason: "honeypot" });
    await insert("moscow-trials", "fast1@x.example", 1, { state: "flagged", reviewReason: "too-fast" });
    await insert("moscow-trials", "fast2@x.example", 1, { state: "flagged", reviewReason: "too-fast" });
    await insert("moscow-trials", "waiting@x.example", 1, { state: "pending", reviewReason: "burst-limit" }); // not held until confirmed
    await insert("family-letter", "letter@held.example", 1, {
      state: "held",
      reviewReason: "burst-limit",
      confirmedAt: new Date(),
    });

    const counts = await countReviewStates();
    expect(counts.get(moscow)).toEqual({ held: 2, lastHeldId: second.id, honeypot: 1, tooFast: 2 });
    expect(counts.get(await documentId("family-letter"))).toMatchObject({ held: 1, honeypot: 0, tooFast: 0 });

    expect(await listHeldSignatures(moscow)).toEqual([
      {
        id: second.id,
        reason: "sustained-limit",
        createdAt: second.createdAt,
        confirmedAt: second.confirmedAt,
        country: "FR",
        domain: "held.example",
        ipHash: ip("burst"),
      },
      {
        id: first.id,
        reason: "burst-limit",
        createdAt: first.createdAt,
        confirmedAt: first.confirmedAt,
        country: "DE",
        domain: "held.example",
        ipHash: ip("burst"),
      },
    ]);
  });
});
