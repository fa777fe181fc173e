import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, transaction } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { hashToken, newTokenNonce } from "@/lib/security/tokens";
import { getLocalizedDocument, listRecentPublicSigners } from "./documents";
import { iterateExportRows } from "./export";
import { applyRetention, withdrawSignature } from "./self-service";
import { confirmSignature } from "./confirming";
import { recordSignature, requestSignatureEmail, type NewSignature } from "./signatures";
import { recountConfirmed } from "./signature-counts";

const DAY = 24 * 3600_000;
const policy = { unconfirmedDays: 30, closedDays: 183, sentEmailDays: 30 };
const db = () => getDb();

function issue(expiresIn = 7 * DAY) {
  const plain = newTokenNonce();
  return { plain, hash: hashToken(plain), nonce: newTokenNonce(), expiresAt: new Date(Date.now() + expiresIn) };
}

async function document(slug: "moscow-trials" | "family-letter") {
  const found = await getLocalizedDocument(slug === "moscow-trials" ? "petition" : "letter", slug, "en");
  if (!found) throw new Error("seed missing");
  return found;
}

const person = (email: string): NewSignature => ({
  name: "Вера Иванова",
  email,
  emailKey: emailKey(email),
  country: "RU",
  city: "Москва",
  comment: "Свободу!",
  organisation: "Мемориал",
  role: "архивист",
  display: "full",
  updates: true,
  locale: "ru",
  ipHash: "AbCdEfGhIjKlMnOpQrStUv",
  flagged: null,
});

/** Signs through the real path; optionally confirms; then dates the signature (and its link) `ageDays` back. */
async function sign(
  slug: "moscow-trials" | "family-letter",
  email: string,
  { confirm = false, ageDays = 0, flagged = null as NewSignature["flagged"] } = {},
) {
  const token = issue();
  await recordSignature(await document(slug), { ...person(email), flagged }, token);
  if (confirm) await confirmSignature(token.hash);
  const row = (await byEmail(email))!;
  const createdAt = Date.now() - ageDays * DAY;
  await db()
    .update(signatures)
    .set({ createdAt: new Date(createdAt) })
    .where(eq(signatures.id, row.id));
  await db()
    .update(confirmationTokens)
    .set({ expiresAt: new Date(createdAt + 7 * DAY) })
    .where(eq(confirmationTokens.signatureId, row.id));
  return { id: row.id, token };
}

const byEmail = async (email: string) =>
  (await db().select().from(signatures).where(eq(signatures.email, email)))[0] as Signature | undefined;
const byId = async (id: number) =>
  (await db().select().from(signatures).where(eq(signatures.id, id)))[0] as Signature | undefined;
const count = async (slug: string) =>
  (await db().select().from(documents).where(eq(documents.slug, slug)))[0].signatureCount;
const tokensOf = (id: number) => db().select().from(confirmationTokens).where(eq(confirmationTokens.signatureId, id));
const emailsTo = (recipient: string) => db().select().from(outbox).where(eq(outbox.recipient, recipient));

async function collect<T>(rows: AsyncIterable<T>) {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}
const drift = async () => (await recountConfirmed()).filter((row) => row.kept !== row.actual);

function expectNoPersonalData(row: Signature | undefined) {
  expect(row).toBeDefined();
  expect(row).toMatchObject({
    name: "",
    email: "",
    city: null,
    comment: null,
    organisation: null,
    role: null,
    ipHash: null,
    updates: false,
  });
  expect(row!.emailKey).not.toContain("@");
  expect(row!.anonymisedAt).toBeInstanceOf(Date);
}

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await db().update(documents).set({ signatureCount: 0, status: "open", closedAt: null });
});

describe("retention: unconfirmed signatures", () => {
  it("deletes signatures left unconfirmed too long, with their tokens and unsent emails; keeps the rest", async () => {
    const old = await sign("moscow-trials", "old-pending@example.org", { ageDays: 31 });
    const oldFlagged = await sign("moscow-trials", "old-bot@example.org", { ageDays: 31, flagged: "honeypot" });
    const recent = await sign("moscow-trials", "recent@example.org", { ageDays: 29 });
    const confirmed = await sign("moscow-trials", "confirmed@example.org", { ageDays: 400, confirm: true });
    expect(await tokensOf(old.id)).toHaveLength(1);
    expect(await emailsTo("old-pending@example.org")).toHaveLength(1);

    const result = await applyRetention(policy);

    expect(result).toMatchObject({ deleted: 2, anonymised: 0 });
    expect(await byId(old.id)).toBeUndefined();
    expect(await byId(oldFlagged.id)).toBeUndefined();
    expect(await tokensOf(old.id)).toEqual([]);
    expect(await emailsTo("old-pending@example.org")).toEqual([]);
    expect(await byId(recent.id)).toMatchObject({ state: "pending", email: "recent@example.org" });
    expect(await tokensOf(recent.id)).toHaveLength(1);
    expect(await byId(confirmed.id)).toMatchObject({
      state: "confirmed",
      name: "Вера Иванова",
      email: "confirmed@example.org",
    });
    expect(await count("moscow-trials")).toBe(1);
    expect(await drift()).toEqual([]);
  });

  it("keeps an old signature whose signer asked for a new link that still works", async () => {
    const late = await sign("moscow-trials", "late@example.org", { ageDays: 31 });
    await db().delete(confirmationTokens); // the first link expired long ago…
    await requestSignatureEmail(await document("moscow-trials"), emailKey("late@example.org"), issue()); // …a fresh one was sent
    expect((await applyRetention(policy)).deleted).toBe(0);
    expect(await byId(late.id)).toMatchObject({ state: "pending" });
  });

  it("deletes old rejected signatures that never counted, keeps held and once-confirmed ones", async () => {
    const rejected = await sign("moscow-trials", "rejected@example.org", { ageDays: 40 });
    const rejectedConfirmed = await sign("moscow-trials", "was-counted@example.org", { ageDays: 40, confirm: true });
    const held = await sign("moscow-trials", "held@example.org", { ageDays: 40, confirm: true });
    await db()
      .update(signatures)
      .set({ state: "rejected" })
      .where(inArray(signatures.id, [rejected.id, rejectedConfirmed.id]));
    await db().update(signatures).set({ state: "held" }).where(eq(signatures.id, held.id));
    expect((await applyRetention(policy)).deleted).toBe(1);
    expect(await byId(rejected.id)).toBeUndefined();
    expect(await byId(rejectedConfirmed.id)).toMatchObject({ state: "rejected" });
    expect(await byId(held.id)).toMatchObject({ state: "held" });
  });

  it("works through more rows than one chunk", async () => {
    const documentId = (await document("moscow-trials")).id;
    const createdAt = new Date(Date.now() - 60 * DAY);
    const rows = Array.from({ length: 5_003 }, (_, i) => ({
      documentId,
      name: `Bulk ${i}`,
      email: `bulk${i}@example.org`,
      emailKey: `bulk${i}@example.org`,
      country: "FR",
      display: "full" as const,
      createdAt,
    }));
    await transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 500) await tx.insert(signatures).values(rows.slice(i, i + 500));
    });
    expect((await applyRetention(policy)).deleted).toBe(5_003);
    expect(await db().select().from(signatures)).toEqual([]);
  });
});

describe("retention: closed documents", () => {
  it("anonymises the signatures of a document closed more than the period ago, keeping its count", async () => {
    const a = await sign("moscow-trials", "a@example.org", { confirm: true, ageDays: 300 });
    const b = await sign("moscow-trials", "b@example.org", { confirm: true, ageDays: 250 });
    const pending = await sign("moscow-trials", "p@example.org", { ageDays: 5 });
    const other = await sign("family-letter", "letter@example.org", { confirm: true, ageDays: 300 });
    await db()
      .update(documents)
      .set({ status: "closed", closedAt: new Date(Date.now() - 184 * DAY) })
      .where(eq(documents.slug, "moscow-trials"));
    const publicBefore = await listRecentPublicSigners((await document("moscow-trials")).id);
    expect(publicBefore).toHaveLength(2);

    const result = await applyRetention(policy);

    expect(result).toMatchObject({ deleted: 0, anonymised: 3 });
    expect(await count("moscow-trials")).toBe(2);
    expect(await drift()).toEqual([]);
    for (const id of [a.id, b.id, pending.id]) expectNoPersonalData(await byId(id));
    expect(await byId(a.id)).toMatchObject({ state: "confirmed", country: "RU", locale: "ru" });
    expect(await tokensOf(pending.id)).toEqual([]);
    expect((await emailsTo("p@example.org")).filter((row) => row.status !== "sent")).toEqual([]);
    // Nothing personal is left to show: the public list no longer shows blank names.
    expect(await listRecentPublicSigners((await document("moscow-trials")).id)).toEqual([]);
    expect(await byId(other.id)).toMatchObject({ name: "Вера Иванова", email: "letter@example.org", city: "Москва" });
    const raw = JSON.stringify(
      await db()
        .select()
        .from(signatures)
        .where(eq(signatures.documentId, (await document("moscow-trials")).id)),
    );
    for (const secret of ["Вера", "example.org", "Москва", "Свободу", "Мемориал", "архивист", "AbCdEf"])
      expect(raw).not.toContain(secret);

    expect((await applyRetention(policy)).anonymised).toBe(0); // once is enough
  });

  it("leaves a document closed more recently, or reopened, alone", async () => {
    const a = await sign("moscow-trials", "a@example.org", { confirm: true, ageDays: 300 });
    await db()
      .update(documents)
      .set({ status: "closed", closedAt: new Date(Date.now() - 100 * DAY) })
      .where(eq(documents.slug, "moscow-trials"));
    const b = await sign("family-letter", "b@example.org", { confirm: true, ageDays: 300 });
    await db().update(documents).set({ status: "open", closedAt: null }).where(eq(documents.slug, "family-letter"));
    expect((await applyRetention(policy)).anonymised).toBe(0);
    expect(await byId(a.id)).toMatchObject({ email: "a@example.org" });
    expect(await byId(b.id)).toMatchObject({ email: "b@example.org" });
  });
});

describe("retention: sent emails", () => {
  it("deletes sent and failed emails after the period, keeps recent and waiting ones", async () => {
    const old = new Date(Date.now() - 31 * DAY);
    const recent = new Date(Date.now() - DAY);
    await db()
      .insert(outbox)
      .values([
        { template: "t", recipient: "sent-old@example.org", payload: {}, status: "sent", sentAt: old, createdAt: old },
        { template: "t", recipient: "failed-old@example.org", payload: {}, status: "failed", createdAt: old },
        {
          template: "t",
          recipient: "sent-new@example.org",
          payload: {},
          status: "sent",
          sentAt: recent,
          createdAt: old,
        },
        { template: "t", recipient: "queued-old@example.org", payload: {}, status: "queued", createdAt: old },
      ]);
    expect((await applyRetention(policy)).emailsDeleted).toBe(2);
    expect((await db().select().from(outbox)).map((row) => row.recipient).sort()).toEqual([
      "queued-old@example.org",
      "sent-new@example.org",
    ]);
  });
});

describe("withdrawing", () => {
  it("stops counting, keeps no personal data, and never reaches an export", async () => {
    const { id } = await sign("moscow-trials", "leaving@example.org", { confirm: true });
    await sign("moscow-trials", "staying@example.org", { confirm: true });
    expect(await count("moscow-trials")).toBe(2);

    expect(await withdrawSignature(id)).toMatchObject({ email: "leaving@example.org" });

    expect(await count("moscow-trials")).toBe(1);
    expect(await drift()).toEqual([]);
    expectNoPersonalData(await byId(id));
    expect((await byId(id))!.state).toBe("withdrawn");
    const exported = await collect(iterateExportRows({}));
    expect(exported.map((row) => row.email)).toEqual(["staying@example.org"]);
    expect(await collect(iterateExportRows({ state: "withdrawn" }))).toEqual([]);
    expect(await withdrawSignature(id)).toBeNull(); // a second withdrawal changes nothing
    expect(await count("moscow-trials")).toBe(1);
  });

  it("withdrawing before confirming kills the confirmation link and the unsent email", async () => {
    const { id, token } = await sign("moscow-trials", "changed-mind@example.org");
    await withdrawSignature(id);
    expect(await emailsTo("changed-mind@example.org")).toEqual([]);
    expect((await confirmSignature(token.hash)).status).toBe("unknown");
    expect(await count("moscow-trials")).toBe(0);
  });

  it("a held signature leaves without touching the count", async () => {
    const { id } = await sign("moscow-trials", "held@example.org", { confirm: true });
    await db().update(signatures).set({ state: "held" }).where(eq(signatures.id, id));
    await db().update(documents).set({ signatureCount: 0 });
    await withdrawSignature(id);
    expect(await count("moscow-trials")).toBe(0);
    expect(await drift()).toEqual([]);
  });
});
