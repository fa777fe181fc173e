import { asc, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { delegations, documents, outbox, signatures, updates } from "@/db/schema";
import type { SignatureState } from "@/lib/vocabulary";
import { emailKey } from "@/lib/format/email-key";
import type { Locale } from "@/lib/i18n/locales";
import { setUpdatesForSigner } from "./self-service";
import {
  countUpdateRecipients,
  createUpdate,
  deleteDraftUpdate,
  getUpdate,
  getUpdateProgress,
  markUpdateSent,
  queueUpdate,
} from "./updates";

const db = () => getDb();
const texts = { en: { subject: "News", body: "The delegation is back." } };

async function sign(slug: string, email: string, state: SignatureState, optedIn = true, locale: Locale = "en") {
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
      updates: optedIn,
      locale,
    })
    .returning();
  return row;
}

async function documentId(slug: string) {
  const [document] = await db().select().from(documents).where(eq(documents.slug, slug));
  return document.id;
}
const delegationId = async () => (await db().select().from(delegations).orderBy(asc(delegations.id)).limit(1))[0].id;
const inIds = (ids: number[]) => inArray(outbox.id, ids);
const queuedFor = async (updateId: number) =>
  (await db().select().from(outbox))
    .filter((message) => message.updateId === updateId)
    .map((message) => message.recipient)
    .sort();

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(updates);
  await db().delete(signatures);
});

describe("who receives an update", () => {
  it("is only the confirmed signers who asked for updates", async () => {
    await sign("moscow-trials", "yes@example.org", "confirmed");
    await sign("moscow-trials", "Also.Yes@Example.org", "confirmed", true, "ru");
    for (const state of ["pending", "rejected", "withdrawn", "held", "flagged"] as const)
      await sign("moscow-trials", `${state}@example.org`, state);
    await sign("moscow-trials", "no-thanks@example.org", "confirmed", false);
    await sign("family-letter", "other-document@example.org", "confirmed");

    const update = await createUpdate({ documentId: await documentId("moscow-trials") }, texts, "admin@localhost");
    expect(await countUpdateRecipients(update)).toBe(2);
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 2 });
    expect(await queuedFor(update.id)).toEqual(["Also.Yes@Example.org", "yes@example.org"]);

    const message = (await db().select().from(outbox)).find((row) => row.recipient === "Also.Yes@Example.org")!;
    const signer = (await db().select().from(signatures)).find((row) => row.email === "Also.Yes@Example.org")!;
    expect(message).toMatchObject({
      template: "campaign-update",
      status: "queued",
      dedupeKey: `update:${update.id}:${emailKey("also.yes@example.org")}`,
    });
    expect(message.payload).toEqual({ updateId: update.id, signatureId: signer.id, locale: "ru", manageVersion: 1 });
    // The JSON as stored (PostgreSQL's jsonb writes it with a space after the colon, and its keys reordered).
    const [stored] = await db()
      .select({ payload: sql<string>`cast(${outbox.payload} as text)` })
      .from(outbox)
      .where(eq(outbox.id, message.id));
    expect(stored.payload).toMatch(new RegExp(`"updateId": ?${update.id}[,}]`)); // an integer, not 1.0
    expect(stored.payload).toMatch(/"manageVersion": ?1[,}]/);
    expect(await getUpdate(update.id)).toMatchObject({ status: "sending", recipients: 2 });
  });

  it("sends one email per person across the documents of a delegation", async () => {
    const first = await sign("moscow-trials", "both@example.org", "confirmed");
    await sign("family-letter", "BOTH@example.org", "confirmed");
    await sign("family-letter", "letter-only@example.org", "confirmed");
    await sign("moscow-trials", "petition-only@example.org", "confirmed");

    const update = await createUpdate({ delegationId: await delegationId() }, texts, "admin@localhost");
    expect(await countUpdateRecipients(update)).toBe(3);
    await queueUpdate(update.id);
    expect(await queuedFor(update.id)).toEqual([
      "both@example.org",
      "letter-only@example.org",
      "petition-only@example.org",
    ]);
    const message = (await db().select().from(outbox)).find((row) => row.recipient === "both@example.org")!;
    expect((message.payload as { signatureId: number }).signatureId).toBe(first.id);
  });

  it("queues nothing new when sending is started again, and only newcomers after that", async () => {
    await sign("moscow-trials", "one@example.org", "confirmed");
    await sign("moscow-trials", "two@example.org", "confirmed");
    const update = await createUpdate({ documentId: await documentId("moscow-trials") }, texts, "admin@localhost");
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 2 });
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 0 });
    expect(await queuedFor(update.id)).toEqual(["one@example.org", "two@example.org"]);

    await sign("moscow-trials", "late@example.org", "confirmed");
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 1 });
    expect(await queuedFor(update.id)).toHaveLength(3);
    expect((await getUpdate(update.id))?.recipients).toBe(3);
  });

  it("leaves out a person who stopped updates on any of their signatures", async () => {
    const petition = await sign("moscow-trials", "stop@example.org", "confirmed");
    await sign("family-letter", "stop@example.org", "confirmed");
    await setUpdatesForSigner(petition.id, false);
    const update = await createUpdate({ delegationId: await delegationId() }, texts, "admin@localhost");
    expect(await countUpdateRecipients(update)).toBe(0);
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 0 });
  });
});

describe("deleting an update", () => {
  it("deletes a draft, but keeps an update once it is queued", async () => {
    const draft = await createUpdate({ documentId: await documentId("moscow-trials") }, texts, "admin@localhost");
    expect(await deleteDraftUpdate(draft.id)).toBe(1);
    expect(await getUpdate(draft.id)).toBeUndefined();
    expect(await deleteDraftUpdate(draft.id)).toBe(0);

    await sign("moscow-trials", "one@example.org", "confirmed");
    const queued = await createUpdate({ documentId: await documentId("moscow-trials") }, texts, "admin@localhost");
    await queueUpdate(queued.id);
    expect(await deleteDraftUpdate(queued.id)).toBe(0);
    expect(await queuedFor(queued.id)).toEqual(["one@example.org"]);
  });
});

describe("progress of an update", () => {
  it("counts messages by state and marks the update sent only when none is waiting", async () => {
    await sign("moscow-trials", "a@example.org", "confirmed");
    await sign("moscow-trials", "b@example.org", "confirmed");
    await sign("moscow-trials", "c@example.org", "confirmed");
    const update = await createUpdate({ documentId: await documentId("moscow-trials") }, texts, "admin@localhost");
    await queueUpdate(update.id);
    expect(await getUpdateProgress(update.id)).toEqual({ queued: 3, sending: 0, sent: 0, failed: 0 });
    expect(await markUpdateSent(update.id)).toBe(false);

    const [a, b, c] = await db().select().from(outbox).orderBy(asc(outbox.id));
    await db()
      .update(outbox)
      .set({ status: "sent" })
      .where(inIds([a.id, b.id]));
    await db()
      .update(outbox)
      .set({ status: "sending" })
      .where(inIds([c.id]));
    expect(await getUpdateProgress(update.id)).toEqual({ queued: 0, sending: 1, sent: 2, failed: 0 });
    expect(await markUpdateSent(update.id)).toBe(false);

    await db()
      .update(outbox)
      .set({ status: "failed" })
      .where(inIds([c.id]));
    expect(await markUpdateSent(update.id)).toBe(true);
    expect(await getUpdate(update.id)).toMatchObject({ status: "sent", recipients: 3 });
    expect(await markUpdateSent(update.id)).toBe(false);

    await sign("moscow-trials", "after-sending@example.org", "confirmed");
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 0 }); // a sent update stays sent
    expect((await getUpdate(update.id))?.status).toBe("sent");
  });
});
