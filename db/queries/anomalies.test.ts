import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { countReviewStates, listHeldSignatures, topAddressHashes, topEmailDomains } from "./anomalies";

const db = () => getDb();
const MINUTE = 60_000;
const ip = (label: string) => label.padEnd(22, "x");
let serial = 0;

function documentId(slug: string) {
  return db()
    .select()
    .from(documents)
    .all()
    .find((document) => document.slug === slug)!.id;
}

function insert(slug: string, email: string, minutesAgo: number, extra: Partial<Signature> = {}) {
  const id = documentId(slug);
  return db()
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
    .returning()
    .get();
}

beforeEach(() => {
  db().delete(outbox).run();
  db().delete(confirmationTokens).run();
  db().delete(signatures).run();
});

describe("anomalies: who signs the most, lately", () => {
  it("ranks address hashes and email domains per document within the window, in every state", async () => {
    for (let i = 0; i < 4; i++)
      insert("moscow-trials", `a${i}@Spam.Example`, 10, { ipHash: ip("busy"), state: i ? "pending" : "flagged" });
    for (let i = 0; i < 2; i++) insert("moscow-trials", `b${i}@example.org`, 30, { ipHash: ip("quiet") });
    insert("moscow-trials", "someone.else+x@googlemail.com", 50, { ipHash: null });
    for (let i = 0; i < 9; i++) insert("moscow-trials", `old${i}@old.example`, 3 * 60, { ipHash: ip("yesterday") });
    for (let i = 0; i < 5; i++) insert("family-letter", `c${i}@letter.example`, 5, { ipHash: ip("busy") });

    const moscow = documentId("moscow-trials");
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
    expect(await topAddressHashes(documentId("family-letter"), hourAgo)).toEqual([{ ipHash: ip("busy"), count: 5 }]);
  });
});

describe("review: held and flagged signatures", () => {
  it("counts held and flagged (by reason) per document, and lists a document's held ones with their details", async () => {
    const moscow = documentId("moscow-trials");
    const confirmedAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE);
    const first = insert("moscow-trials", "one@held.example", 20, {
      state: "held",
      reviewReason: "burst-limit",
      ipHash: ip("burst"),
      confirmedAt: confirmedAt(15),
      country: "DE",
    });
    const second = insert("moscow-trials", "two@held.example", 20, {
      state: "held",
      reviewReason: "sustained-limit",
      ipHash: ip("burst"),
      confirmedAt: confirmedAt(5),
    });
    insert("moscow-trials", "bot@x.example", 1, { state: "flagged", reviewReason: "honeypot" });
    insert("moscow-trials", "fast1@x.example", 1, { state: "flagged", reviewReason: "too-fast" });
    insert("moscow-trials", "fast2@x.example", 1, { state: "flagged", reviewReason: "too-fast" });
    insert("moscow-trials", "waiting@x.example", 1, { state: "pending", reviewReason: "burst-limit" }); // not held until confirmed
    insert("family-letter", "letter@held.example", 1, {
      state: "held",
      reviewReason: "burst-limit",
      confirmedAt: new Date(),
    });

    const counts = await countReviewStates();
    expect(counts.get(moscow)).toEqual({ held: 2, lastHeldId: second.id, honeypot: 1, tooFast: 2 });
    expect(counts.get(documentId("family-letter"))).toMatchObject({ held: 1, honeypot: 0, tooFast: 0 });

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
