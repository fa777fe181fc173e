import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, mailLedger, outbox, signatures } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { hashToken, newTokenNonce } from "@/lib/security/tokens";
import { getDocumentBySlug, getLocalizedDocument, listRecentPublicSigners } from "./documents";
import {
  MAX_EMAILS_PER_SIGNATURE,
  recordSignature,
  requestSignatureEmail,
  type IssuedToken,
  type NewSignature,
} from "./signatures";
import { confirmSignature } from "./confirming";
import { countConfirmedByCountry, countConfirmedSince, recountConfirmed } from "./signature-counts";

const day = 24 * 3600_000;

function token(expiresIn = 7 * day): IssuedToken & { plain: string } {
  const plain = newTokenNonce(); // any 32 random bytes serve as a token here
  return { plain, hash: hashToken(plain), nonce: newTokenNonce(), expiresAt: new Date(Date.now() + expiresIn) };
}

function signer(email: string, overrides: Partial<NewSignature> = {}): NewSignature {
  return {
    name: "Вера Иванова",
    email,
    emailKey: emailKey(email),
    country: "RU",
    city: "Москва",
    comment: null,
    organisation: null,
    role: null,
    display: "full",
    updates: false,
    locale: "en",
    ipHash: null,
    flagged: null,
    ...overrides,
  };
}

async function petition() {
  const document = await getLocalizedDocument("petition", "moscow-trials", "en");
  if (!document) throw new Error("seed missing");
  return document;
}

const db = () => getDb();
const outboxTemplates = async () =>
  (await db().select().from(outbox).orderBy(asc(outbox.id))).map((row) => row.template);

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await db().update(documents).set({ signatureCount: 0, status: "open" });
});

describe("signing and confirming against a real SQLite file", () => {
  it("seeds the campaign's petition and letter, open, with zero counts", async () => {
    expect(await petition()).toMatchObject({ kind: "petition", status: "open", signatureCount: 0 });
    expect(await getDocumentBySlug("letter", "family-letter")).toMatchObject({ kind: "letter" });
  });

  it("writes the signature, its token hash and its email in one go", async () => {
    const issued = token();
    expect(await recordSignature(await petition(), signer("vera@example.org"), issued)).toBe("created");
    const [row] = await db().select().from(signatures);
    expect(row).toMatchObject({ state: "pending", emailsSent: 1 });
    expect(await db().select().from(confirmationTokens)).toEqual([
      expect.objectContaining({ tokenHash: issued.hash, signatureId: row.id }),
    ]);
    const [message] = await db().select().from(outbox);
    expect(message).toMatchObject({ template: "confirm-signature", recipient: "vera@example.org", status: "queued" });
    expect(JSON.stringify(message.payload)).not.toContain(issued.plain);
  });

  it("keeps one signature per person and resends the confirm email while pending", async () => {
    const document = await petition();
    await recordSignature(document, signer("v.era+one@gmail.com"), token());
    expect(await recordSignature(document, signer("VERA+two@googlemail.com"), token())).toBe("queued");
    expect(await db().select().from(signatures)).toHaveLength(1);
    expect(await outboxTemplates()).toEqual(["confirm-signature", "confirm-signature"]);
  });

  it("keeps a new signature whose address has had its day's emails, sending and counting none", async () => {
    await db().delete(mailLedger);
    const email = "daily@example.org";
    const budget = { recipientHash: "recipient-hash", clientHash: null, perClientHour: null, perAddressDay: 1 };
    const letter = await getLocalizedDocument("letter", "family-letter", "en");
    expect(await recordSignature(letter!, signer(email), token(), null, budget)).toBe("created");
    expect(await recordSignature(await petition(), signer(email), token(), null, budget)).toBe("created");
    const rows = await db().select().from(signatures).orderBy(asc(signatures.id));
    expect(rows.map((row) => [row.state, row.emailsSent])).toEqual([
      ["pending", 1],
      ["pending", 0],
    ]);
    expect(await outboxTemplates()).toEqual(["confirm-signature"]);
    expect(await db().select().from(confirmationTokens)).toHaveLength(1);
    expect(await db().select().from(mailLedger)).toHaveLength(1);
  });

  it("writes nothing of a signing whose transaction fails part-way", async () => {
    const document = await petition();
    const reused = token();
    await recordSignature(document, signer("first@example.org"), reused);
    // The same token hash again: its insert fails after the signature's, which must be undone with it.
    await expect(recordSignature(document, signer("second@example.org"), reused)).rejects.toThrow();
    expect((await db().select().from(signatures)).map((row) => row.email)).toEqual(["first@example.org"]);
    expect(await outboxTemplates()).toEqual(["confirm-signature"]);
    expect(await recordSignature(document, signer("second@example.org"), token())).toBe("created");
  });

  it("sends 'already signed' once confirmed, and stops after the cap", async () => {
    const document = await petition();
    const first = token();
    await recordSignature(document, signer("vera@example.org"), first);
    await confirmSignature(first.hash);
    for (let i = 0; i < MAX_EMAILS_PER_SIGNATURE + 3; i++) {
      await recordSignature(document, signer("vera@example.org"), token());
    }
    const templates = await outboxTemplates();
    expect(templates).toHaveLength(MAX_EMAILS_PER_SIGNATURE);
    expect(templates.slice(1).every((template) => template === "already-signed")).toBe(true);
    expect(await recordSignature(document, signer("vera@example.org"), token())).toBe("capped");
  });

  it("counts a confirmation once, however often the token is used", async () => {
    const document = await petition();
    const issued = token();
    await recordSignature(document, signer("vera@example.org"), issued);
    expect((await confirmSignature(issued.hash)).status).toBe("just-confirmed");
    expect((await confirmSignature(issued.hash)).status).toBe("confirmed");
    expect((await petition()).signatureCount).toBe(1);
    expect(await recountConfirmed()).toContainEqual(
      expect.objectContaining({ slug: "moscow-trials", kept: 1, actual: 1 }),
    );
  });

  it("refuses expired and unknown tokens, and confirmations of closed documents", async () => {
    const document = await petition();
    const expired = token(-1000);
    await recordSignature(document, signer("old@example.org"), expired);
    expect((await confirmSignature(expired.hash)).status).toBe("expired");
    expect((await confirmSignature(hashToken("nonsense"))).status).toBe("unknown");

    const late = token();
    await recordSignature(document, signer("late@example.org"), late);
    await db().update(documents).set({ status: "closed" }).where(eq(documents.id, document.id));
    expect((await confirmSignature(late.hash)).status).toBe("closed");
    expect((await petition()).signatureCount).toBe(0);
  });

  it("lets a pending signer ask for a new link, and says nothing for unknown addresses", async () => {
    const document = await petition();
    await recordSignature(document, signer("vera@example.org"), token(-1000));
    const fresh = token();
    expect(await requestSignatureEmail(document, "vera@example.org", fresh)).toBe("queued");
    expect((await confirmSignature(fresh.hash)).status).toBe("just-confirmed");
    expect(await requestSignatureEmail(document, "nobody@example.org", token())).toBe("none");
  });

  it("lists recent public signers newest first, never the hidden ones", async () => {
    const document = await petition();
    for (const [email, display] of [
      ["a@example.org", "full"],
      ["b@example.org", "hidden"],
      ["c@example.org", "initials"],
    ] as const) {
      const issued = token();
      await recordSignature(document, signer(email, { name: email, display }), issued);
      await confirmSignature(issued.hash, new Date(Date.now() + email.charCodeAt(0)));
    }
    const listed = await listRecentPublicSigners(document.id);
    expect(listed.map((row) => row.name)).toEqual(["c@example.org", "a@example.org"]);
  });

  it("counts the confirmations since a moment: not older ones, pending ones or another document's", async () => {
    const document = await petition();
    const letter = await getLocalizedDocument("letter", "family-letter", "en");
    const now = Date.now();
    const confirmedAt = { today: new Date(now - 3600_000), lastWeek: new Date(now - 7 * day) };
    for (const [email, when] of [
      ["new1@example.org", confirmedAt.today],
      ["new2@example.org", confirmedAt.today],
      ["old@example.org", confirmedAt.lastWeek],
    ] as const) {
      const issued = token();
      await recordSignature(document, signer(email), issued);
      await confirmSignature(issued.hash, when);
    }
    await recordSignature(document, signer("pending@example.org"), token());
    const elsewhere = token();
    await recordSignature(letter!, signer("letter@example.org"), elsewhere);
    await confirmSignature(elsewhere.hash, confirmedAt.today);

    expect(await countConfirmedSince(document.id, new Date(now - day))).toBe(2);
    expect(await countConfirmedSince(document.id, new Date(now - 30 * day))).toBe(3);
    expect(await countConfirmedSince(document.id, new Date(now))).toBe(0);
  });
});

describe("bot checks and rate limits", () => {
  it("keeps a flagged submission without emailing or counting it", async () => {
    const document = await petition();
    expect(await recordSignature(document, signer("bot@example.org", { flagged: "honeypot" }), token())).toBe(
      "created",
    );
    expect(await db().select().from(signatures)).toEqual([
      expect.objectContaining({ state: "flagged", reviewReason: "honeypot", emailsSent: 0 }),
    ]);
    expect(await db().select().from(outbox)).toEqual([]);
    expect(await db().select().from(confirmationTokens)).toEqual([]);
  });

  it("holds signatures over a client's limit: emailed and confirmable, counted only once approved", async () => {
    const { approveHeldSignatures } = await import("./moderation");
    const document = await petition();
    const limits = { burst: { count: 2, seconds: 60 }, sustained: { count: 100, seconds: 3600 } };
    const issued = [token(), token(), token()];
    for (const [index, email] of ["a@example.org", "b@example.org", "c@example.org"].entries()) {
      await recordSignature(document, signer(email, { ipHash: "same-client" }), issued[index], limits);
    }
    await recordSignature(document, signer("d@example.org", { ipHash: "other-client" }), token(), limits);
    const reasons = await db()
      .select({ email: signatures.email, reason: signatures.reviewReason })
      .from(signatures)
      .orderBy(asc(signatures.id));
    expect(reasons).toEqual([
      { email: "a@example.org", reason: null },
      { email: "b@example.org", reason: null },
      { email: "c@example.org", reason: "burst-limit" },
      { email: "d@example.org", reason: null },
    ]);
    expect(await outboxTemplates()).toHaveLength(4); // everyone gets the confirmation email

    for (const { hash } of issued) expect((await confirmSignature(hash)).status).toBe("just-confirmed");
    expect((await petition()).signatureCount).toBe(2);
    const [held] = await db().select().from(signatures).where(eq(signatures.email, "c@example.org"));
    expect(held.state).toBe("held");
    // Asking again looks like any confirmed signature to the signer.
    expect((await confirmSignature(issued[2].hash)).status).toBe("confirmed");

    expect(await approveHeldSignatures({ documentId: document.id })).toBe(1);
    expect((await petition()).signatureCount).toBe(3);
    expect(await recountConfirmed()).toContainEqual(
      expect.objectContaining({ slug: "moscow-trials", kept: 3, actual: 3 }),
    );
  });

  it("counts a sustained window separately from the burst", async () => {
    const document = await petition();
    const limits = { burst: { count: 10, seconds: 1 }, sustained: { count: 1, seconds: 3600 } };
    await recordSignature(document, signer("a@example.org", { ipHash: "x" }), token(), limits);
    await recordSignature(document, signer("b@example.org", { ipHash: "x" }), token(), limits);
    expect(
      (await db().select({ reason: signatures.reviewReason }).from(signatures).orderBy(asc(signatures.id))).map(
        (row) => row.reason,
      ),
    ).toEqual([null, "sustained-limit"]);
  });

  it("counts confirmed signatures by country, most first, leaving out pending ones and other documents'", async () => {
    const document = await petition();
    const letter = await getLocalizedDocument("letter", "family-letter", "en");
    for (const [email, country] of [
      ["fr1@example.org", "FR"],
      ["fr2@example.org", "FR"],
      ["mx@example.org", "MX"],
      ["de1@example.org", "DE"],
      ["de2@example.org", "DE"],
    ] as const) {
      const issued = token();
      await recordSignature(document, signer(email, { country }), issued);
      await confirmSignature(issued.hash);
    }
    await recordSignature(document, signer("pending@example.org", { country: "MX" }), token());
    const elsewhere = token();
    await recordSignature(letter!, signer("letter@example.org", { country: "MX" }), elsewhere);
    await confirmSignature(elsewhere.hash);

    expect(await countConfirmedByCountry(document.id)).toEqual([
      { country: "DE", signatures: 2 },
      { country: "FR", signatures: 2 },
      { country: "MX", signatures: 1 },
    ]);
  });
});
