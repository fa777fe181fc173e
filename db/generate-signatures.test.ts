// SQLite only, by nature: the generator is SQLite's bulk writer, on its raw better-sqlite3 client.
import type Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { listAllDocuments } from "@/db/queries/documents";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, openSqliteFile } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "./schema";
import { isCountryCode } from "@/lib/i18n/countries";
import { emailKey } from "@/lib/format/email-key";
import { deriveToken, hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { generateSignatures } from "./generate-signatures";
import { recountConfirmed } from "@/db/queries/signature-counts";
import { type ConfirmEmailPayload } from "@/db/queries/signatures";

const secret = "generator-test-secret";
const db = () => getDb();
const rows = () => db().select().from(signatures).orderBy(asc(signatures.id));
// The raw client of the test's database: the same connection getDb() queries, so it stays open.
let client: Database.Database;
const share = (all: Signature[], state: Signature["state"]) =>
  all.filter((row) => row.state === state).length / all.length;

async function expectCountersExact() {
  const counts = await recountConfirmed();
  for (const { kept, actual } of counts) expect(kept).toBe(actual);
  return counts;
}

beforeAll(async () => {
  ({ client } = await openSqliteFile(process.env.DATABASE_PATH!));
});

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await db().update(documents).set({ signatureCount: 0 });
});

describe("generating synthetic signatures into a real SQLite file", () => {
  it("writes realistic rows, states by weight, exact counters and a confirm email per pending row", async () => {
    const progress: number[] = [];
    const { inserted } = generateSignatures(client, {
      count: 5_000,
      withOutbox: { secret },
      onProgress: (done) => progress.push(done),
    });
    expect(inserted).toBe(5_000);
    expect(progress.at(-1)).toBe(5_000);
    const all = await rows();
    expect(all).toHaveLength(5_000);

    expect(share(all, "confirmed")).toBeCloseTo(0.8, 1);
    expect(share(all, "pending")).toBeCloseTo(0.15, 1);
    expect(share(all, "rejected")).toBeGreaterThan(0.02);
    expect(share(all, "withdrawn")).toBeGreaterThan(0);

    const keys = new Set(all.map((row) => `${row.documentId} ${row.emailKey}`));
    expect(keys.size).toBe(all.length);
    for (const row of all) {
      expect(row.emailKey).toBe(emailKey(row.email));
      expect(row.email).toMatch(/^[a-z0-9._+]+@[a-z.]+$/);
      expect(isCountryCode(row.country)).toBe(true);
      expect(row.emailsSent).toBe(1);
      if (row.state === "confirmed") expect(row.confirmedAt!.getTime()).toBeGreaterThan(row.createdAt.getTime());
      if (row.state === "pending") expect(row.confirmedAt).toBeNull();
    }
    const created = all.map((row) => row.createdAt.getTime());
    expect(Math.min(...created)).toBeGreaterThan(Date.now() - 61 * 86_400_000);
    expect(Math.max(...created)).toBeLessThan(Date.now());

    const names = all.map((row) => row.name).join(" ");
    const scripts = ["Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Han", "Hangul", "Devanagari", "Georgian"];
    for (const script of scripts) {
      expect(names, script).toMatch(new RegExp(`\\p{Script=${script}}`, "u"));
    }
    expect(names).toMatch(/[À-ž]/); // Latin with accents
    expect(all.some((row) => row.city === null) && all.some((row) => row.city !== null)).toBe(true);
    const comments = all.flatMap((row) => (row.comment ? [row.comment] : []));
    expect(comments.some((comment) => comment.includes("\n"))).toBe(true);
    expect(comments.some((comment) => /^[=+]/.test(comment))).toBe(true);
    expect(new Set(all.map((row) => row.display))).toEqual(new Set(["full", "initials", "hidden"]));
    expect(all.filter((row) => row.updates).length / all.length).toBeCloseTo(0.4, 1);
    expect(new Set(all.map((row) => row.documentId)).size).toBe(2);

    const counts = await expectCountersExact();
    const confirmed = all.filter((row) => row.state === "confirmed").length;
    expect(counts.reduce((sum, { actual }) => sum + actual, 0)).toBe(confirmed);

    const pending = all.filter((row) => row.state === "pending");
    const tokens = await db().select().from(confirmationTokens);
    const messages = await db().select().from(outbox);
    expect(tokens).toHaveLength(pending.length);
    expect(messages).toHaveLength(pending.length);
    const tokenBySignature = new Map(tokens.map((token) => [token.signatureId, token]));
    const messageByRecipient = new Map(messages.map((message) => [message.recipient, message]));
    const titles = new Map((await listAllDocuments()).map((document) => [document.id, document]));
    for (const signature of pending) {
      const token = tokenBySignature.get(signature.id)!;
      const message = messageByRecipient.get(signature.email)!;
      expect(message).toMatchObject({ template: "confirm-signature", status: "queued", attempts: 0 });
      const payload = message.payload as ConfirmEmailPayload;
      const document = titles.get(signature.documentId)!;
      expect(payload).toEqual({
        name: signature.name,
        documentTitle: document.title,
        documentKind: document.kind,
        documentSlug: document.slug,
        tokenNonce: expect.any(String),
        locale: "en",
        signatureId: signature.id,
      });
      const link = deriveToken(secret, payload.tokenNonce);
      expect(isWellFormedToken(payload.tokenNonce) && isWellFormedToken(link)).toBe(true);
      expect(hashToken(link)).toBe(token.tokenHash);
      expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    }
  }, 60_000); // 5,000 rows and their emails: seconds on a busy machine, past the default 5 s

  it("adds more rows on a second run without breaking the unique index, keeping counters exact", async () => {
    generateSignatures(client, { count: 2_000, seed: 3 });
    expect(() => generateSignatures(client, { count: 1_000, seed: 3, withOutbox: { secret } })).not.toThrow();
    expect(await rows()).toHaveLength(3_000);
    await expectCountersExact();
  });

  it("follows the document, states, days and domain it is given", async () => {
    generateSignatures(client, {
      count: 300,
      document: "family-letter",
      states: { withdrawn: 1, pending: 1 },
      days: 2,
      emailDomain: "test.example",
    });
    const all = await rows();
    const [letter] = await db().select().from(documents).where(eq(documents.slug, "family-letter"));
    expect(all.every((row) => row.documentId === letter.id)).toBe(true);
    expect(new Set(all.map((row) => row.state))).toEqual(new Set(["withdrawn", "pending"]));
    expect(all.every((row) => row.email.endsWith("@test.example"))).toBe(true);
    expect(all.every((row) => row.createdAt.getTime() > Date.now() - 2 * 86_400_000)).toBe(true);
    expect(await db().select().from(outbox)).toHaveLength(0);
    expect((await recountConfirmed()).every(({ kept }) => kept === 0)).toBe(true);
  });

  it("is reproducible from its seed", async () => {
    const snapshot = async () =>
      (await rows()).map(({ name, email, country, city, comment, display, state }) => ({
        name,
        email,
        country,
        city,
        comment,
        display,
        state,
      }));
    generateSignatures(client, { count: 200, seed: 42 });
    const first = await snapshot();
    await db().delete(signatures);
    generateSignatures(client, { count: 200, seed: 42 });
    expect(await snapshot()).toEqual(first);
  });

  it("refuses options it cannot honour before writing anything", async () => {
    expect(() => generateSignatures(client, { count: 10, document: "no-such-document" })).toThrow(RangeError);
    expect(() => generateSignatures(client, { count: -1 })).toThrow(RangeError);
    expect(() => generateSignatures(client, { count: 10, states: { confirmed: 0 } })).toThrow(RangeError);
    expect(await rows()).toHaveLength(0);
  });
});
