import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { invalidateSignatures, previewInvalidation, rejectSignature, restoreSignature } from "./moderation";
import { recountConfirmed } from "./signature-counts";

const db = () => getDb();

const firstDocument = async () => (await db().select().from(documents).orderBy(asc(documents.id)).limit(1))[0];

async function insert(name: string, email: string, state: "pending" | "confirmed", country = "FR") {
  const document = await firstDocument();
  const [row] = await db()
    .insert(signatures)
    .values({
      documentId: document.id,
      name,
      email,
      emailKey: emailKey(email),
      country,
      display: "full",
      state,
      confirmedAt: state === "confirmed" ? new Date() : null,
    })
    .returning();
  return row;
}

async function syncCounters() {
  for (const { documentId, actual } of await recountConfirmed())
    await db().update(documents).set({ signatureCount: actual }).where(eq(documents.id, documentId));
}

const counted = async () => (await firstDocument()).signatureCount;
const drift = async () => (await recountConfirmed()).filter((row) => row.kept !== row.actual);

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await insert("Real Person", "real@example.org", "confirmed");
  await insert("Bot 100%", "bot1@spam.example", "confirmed", "RU");
  await insert("Bot_2", "bot2@spam.example", "pending", "RU");
  await insert("Sub Domain", "x@sub.spam.example", "confirmed");
  await syncCounters();
});

describe("moderation keeps the counts exact", () => {
  it("rejecting a confirmed signature lowers the count; restoring brings it back as confirmed", async () => {
    const [real] = await db().select().from(signatures).orderBy(asc(signatures.id));
    expect(await counted()).toBe(3);
    await rejectSignature(real.id);
    expect(await counted()).toBe(2);
    expect(await rejectSignature(real.id)).toBeNull(); // already rejected: nothing happens twice
    expect((await restoreSignature(real.id))?.state).toBe("confirmed");
    expect(await counted()).toBe(3);
    expect(await drift()).toEqual([]);
  });

  it("previews a bulk invalidation, then rejects exactly those rows and lowers the count by the confirmed ones", async () => {
    expect(await previewInvalidation({ domain: "spam.example" })).toEqual({ total: 2, confirmed: 1 });
    expect(await invalidateSignatures({ domain: "@spam.example" })).toBe(2);
    expect(await counted()).toBe(2);
    expect(await previewInvalidation({ domain: "spam.example" })).toEqual({ total: 0, confirmed: 0 });
    expect(await drift()).toEqual([]);
  });

  it("matches names literally: % and _ are not wildcards", async () => {
    expect((await previewInvalidation({ nameContains: "100%" })).total).toBe(1);
    expect((await previewInvalidation({ nameContains: "t_2" })).total).toBe(1);
    expect((await previewInvalidation({ nameContains: "_" })).total).toBe(1);
    expect((await previewInvalidation({ country: "RU", nameContains: "Bot" })).total).toBe(2);
  });
});
