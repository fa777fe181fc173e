import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { getDocumentBySlug } from "./documents";
import { getConfirmedPerDay, getOutboxHealth, getSourceCounts, getStateCounts, getTopCountries } from "./dashboard";
import { recordSignature } from "./signatures";

const db = () => getDb();
let serial = 0;

async function documentId(slug: "moscow-trials" | "family-letter") {
  const document = await getDocumentBySlug(slug === "moscow-trials" ? "petition" : "letter", slug);
  if (!document) throw new Error("seed missing");
  return document.id;
}

async function addSignature(
  document: number,
  state: Signature["state"],
  {
    country = "RU",
    confirmedAt = null as Date | null,
    source = null as string | null,
    confirmedBy = null as Signature["confirmedBy"],
  } = {},
) {
  const email = `signer${++serial}@example.org`;
  await db().insert(signatures).values({
    documentId: document,
    name: "Signer",
    email,
    emailKey: email,
    country,
    confirmedBy,
    display: "full",
    state,
    confirmedAt,
    source,
  });
}

async function addMessage(
  status: "queued" | "sending" | "sent" | "failed",
  createdAt: Date,
  lastError: string | null = null,
) {
  await db()
    .insert(outbox)
    .values({
      template: "confirm-signature",
      recipient: `person${++serial}@example.org`,
      payload: {},
      status,
      attempts: 3,
      lastError,
      createdAt,
    });
}

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await db().update(documents).set({ signatureCount: 0 });
});

describe("getStateCounts", () => {
  it("counts each state per document, with zeros, next to the kept counter", async () => {
    const petition = await documentId("moscow-trials");
    for (const state of ["pending", "pending", "confirmed", "rejected", "withdrawn"] as const)
      await addSignature(petition, state);
    // Recorded through an API key whose partner confirmed the address: counted among the confirmed, and apart.
    await addSignature(petition, "confirmed", { confirmedBy: "partner" });
    await db().update(documents).set({ signatureCount: 7 });

    const counts = await getStateCounts();
    expect(counts.find((row) => row.slug === "moscow-trials")).toEqual({
      id: petition,
      slug: "moscow-trials",
      title: expect.any(String),
      kind: "petition",
      signatureCount: 7,
      pending: 2,
      confirmed: 2,
      partnerConfirmed: 1,
      held: 0,
      flagged: 0,
      rejected: 1,
      withdrawn: 1,
    });
    expect(counts.find((row) => row.slug === "family-letter")).toMatchObject({
      kind: "letter",
      pending: 0,
      confirmed: 0,
      rejected: 0,
      withdrawn: 0,
    });
  });
});

describe("getConfirmedPerDay", () => {
  const now = new Date("2025-03-10T00:30:00Z");

  it("zero-fills the last days, oldest first, ending today in UTC", async () => {
    const days = await getConfirmedPerDay(await documentId("moscow-trials"), 30, now);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: "2025-02-09", count: 0 });
    expect(days[29]).toEqual({ day: "2025-03-10", count: 0 });
  });

  it("counts confirmed signatures on their UTC day, inside the window only", async () => {
    const petition = await documentId("moscow-trials");
    const at = (iso: string) => ({ confirmedAt: new Date(iso) });
    await addSignature(petition, "confirmed", at("2025-03-09T23:59:59.999Z"));
    await addSignature(petition, "confirmed", at("2025-03-10T00:00:00.000Z"));
    await addSignature(petition, "confirmed", at("2025-03-10T00:10:00.000Z"));
    await addSignature(petition, "confirmed", at("2025-03-04T00:00:00.000Z"));
    await addSignature(petition, "confirmed", at("2025-03-03T23:59:59.999Z")); // the day before the window
    await addSignature(petition, "confirmed", at("2025-03-11T00:00:00.000Z")); // after today
    await addSignature(petition, "withdrawn", at("2025-03-09T12:00:00.000Z"));
    await addSignature(await documentId("family-letter"), "confirmed", at("2025-03-09T12:00:00.000Z"));

    const days = await getConfirmedPerDay(petition, 7, now);
    expect(days.map((row) => row.day)).toEqual([
      "2025-03-04",
      "2025-03-05",
      "2025-03-06",
      "2025-03-07",
      "2025-03-08",
      "2025-03-09",
      "2025-03-10",
    ]);
    expect(days.map((row) => row.count)).toEqual([1, 0, 0, 0, 0, 1, 2]);
  });
});

describe("getTopCountries", () => {
  it("ranks countries of confirmed signatures, most first, up to the limit", async () => {
    const petition = await documentId("moscow-trials");
    const confirmedAt = new Date();
    for (const country of ["DE", "DE", "DE", "FR", "FR", "RU", "GB"])
      await addSignature(petition, "confirmed", { country, confirmedAt });
    for (const state of ["pending", "rejected", "withdrawn"] as const)
      await addSignature(petition, state, { country: "US" });
    await addSignature(await documentId("family-letter"), "confirmed", { country: "US", confirmedAt });

    expect(await getTopCountries(petition, 3)).toEqual([
      { country: "DE", count: 3 },
      { country: "FR", count: 2 },
      { country: "GB", count: 1 },
    ]);
    expect(await getTopCountries(petition)).toHaveLength(4);
  });
});

describe("getOutboxHealth", () => {
  const now = new Date("2025-03-10T12:00:00Z");

  it("reports an empty queue as zeros", async () => {
    expect(await getOutboxHealth(now)).toEqual({
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      oldestQueuedAt: null,
      oldestQueuedWaitMs: null,
      recentFailures: [],
    });
  });

  it("counts statuses, dates the oldest queued message and lists the newest failures without recipients", async () => {
    await addMessage("queued", new Date("2025-03-10T11:00:00Z"));
    await addMessage("queued", new Date("2025-03-10T11:30:00Z"));
    await addMessage("sending", new Date("2025-03-10T08:00:00Z"));
    await addMessage("sent", new Date("2025-03-09T00:00:00Z"));
    for (let i = 0; i < 12; i++) await addMessage("failed", new Date(Date.UTC(2025, 2, 1, i)), `error ${i}`);

    const health = await getOutboxHealth(now);
    expect(health).toMatchObject({ queued: 2, sending: 1, sent: 1, failed: 12, oldestQueuedWaitMs: 3600_000 });
    expect(health.oldestQueuedAt).toEqual(new Date("2025-03-10T11:00:00Z"));
    expect(health.recentFailures).toHaveLength(10);
    expect(health.recentFailures[0]).toEqual({
      id: expect.any(Number),
      template: "confirm-signature",
      attempts: 3,
      lastError: "error 11",
      createdAt: new Date(Date.UTC(2025, 2, 1, 11)),
    });
    expect(health.recentFailures.at(-1)?.lastError).toBe("error 2");
    for (const failure of health.recentFailures) expect(failure).not.toHaveProperty("recipient");
    expect(JSON.stringify(health)).not.toContain("@example.org");
  });
});

describe("getSourceCounts", () => {
  it("counts a document's signatures per source, most confirmed first, signatures without one as null", async () => {
    const petition = await documentId("moscow-trials");
    const letter = await documentId("family-letter");
    const confirmedAt = new Date();
    await addSignature(petition, "confirmed", { source: "embed:https://memorial.example", confirmedAt });
    await addSignature(petition, "confirmed", { source: "embed:https://memorial.example", confirmedAt });
    await addSignature(petition, "pending", { source: "embed:https://memorial.example" });
    await addSignature(petition, "confirmed", { confirmedAt });
    await addSignature(petition, "held", { source: "newsletter" });
    await addSignature(petition, "withdrawn", { source: "newsletter" });
    await addSignature(letter, "confirmed", { source: "newsletter", confirmedAt });
    expect(await getSourceCounts(petition)).toEqual([
      { source: "embed:https://memorial.example", confirmed: 2, pending: 1, held: 0 },
      { source: null, confirmed: 1, pending: 0, held: 0 },
      { source: "newsletter", confirmed: 0, pending: 0, held: 1 },
    ]);
    expect(await getSourceCounts(letter)).toEqual([{ source: "newsletter", confirmed: 1, pending: 0, held: 0 }]);
  });

  it("keeps the source a signature was recorded with", async () => {
    const petition = await getDocumentBySlug("petition", "moscow-trials");
    const signer = {
      name: "Vera",
      email: "vera@example.org",
      emailKey: "vera@example.org",
      country: "RU",
      city: null,
      comment: null,
      organisation: null,
      role: null,
      display: "full" as const,
      updates: false,
      locale: "en" as const,
      ipHash: null,
      flagged: null,
    };
    const token = { nonce: "n", hash: `h${++serial}`, expiresAt: new Date(Date.now() + 3600_000) };
    await recordSignature({ ...petition!, title: "T" }, { ...signer, source: "embed:http://127.0.0.1:4111" }, token);
    const [row] = await getSourceCounts(petition!.id);
    expect(row).toEqual({ source: "embed:http://127.0.0.1:4111", confirmed: 0, pending: 1, held: 0 });
  });
});
