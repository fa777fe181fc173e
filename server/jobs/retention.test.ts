import { asc, eq } from "drizzle-orm";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { AUDIT_RETENTION_DAYS } from "@/db/queries/audit";
import { auditLog, documents, signatures } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { applyRetentionEverywhere, runRetentionPass, startRetentionWorker } from "./retention";

const state = () => (globalThis as { __delegationRetention?: { timer?: NodeJS.Timeout } }).__delegationRetention!;

afterEach(() => {
  clearInterval(state().timer);
  state().timer = undefined;
  vi.restoreAllMocks();
});

describe("the retention worker", () => {
  it("never runs two passes at once", async () => {
    const first = runRetentionPass();
    expect(runRetentionPass()).toBe(first);
    await first;
    const second = runRetentionPass();
    expect(second).not.toBe(first);
    await second; // or the next test's pass would be this one, started before its data
  });

  it("deletes a month-old unconfirmed signature on its first pass, logs what it did, and keeps no process alive", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const [document] = await getDb().select().from(documents).orderBy(asc(documents.id)).limit(1);
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const [{ id }] = await getDb()
      .insert(signatures)
      .values({
        documentId: document.id,
        name: "Old",
        email: "old@example.org",
        emailKey: "old@example.org",
        country: "FR",
        display: "full",
        createdAt: old,
      })
      .returning();
    startRetentionWorker(60_000);
    const timer = state().timer!;
    expect(timer.hasRef()).toBe(false);
    startRetentionWorker(60_000);
    expect(state().timer).toBe(timer); // started once per process
    await runRetentionPass();
    await vi.waitFor(async () =>
      expect(await getDb().select().from(signatures).where(eq(signatures.id, id))).toEqual([]),
    );
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^retention: deleted 1 unconfirmed signature/));
  });
});

/** Why the database refused a query: its own message, which Drizzle wraps in a "Failed query" error. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  }
  return "not refused";
}

describe("retention beyond the signatures", () => {
  const DAY = 24 * 3600_000;

  it("deletes local mailbox messages older than sent emails are kept, and keeps newer ones", async () => {
    const dir = path.resolve(getConfig().MAIL_DIR);
    mkdirSync(dir, { recursive: true });
    const write = (id: string, daysAgo: number) =>
      writeFileSync(
        path.join(dir, `${id}.json`),
        JSON.stringify({
          id,
          to: "a@example.org",
          from: "x",
          subject: "s",
          html: "",
          text: "",
          createdAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        }),
      );
    write("outbox-old", getConfig().RETENTION_EMAIL_DAYS + 1);
    write("outbox-new", 1);
    const result = await applyRetentionEverywhere();
    expect(result.mailboxDeleted).toBe(1);
    expect(existsSync(path.join(dir, "outbox-old.json"))).toBe(false);
    expect(existsSync(path.join(dir, "outbox-new.json"))).toBe(true);
  });

  it("deletes audit entries past their lifetime; younger ones stay append-only", async () => {
    const db = getDb();
    const [old] = await db
      .insert(auditLog)
      .values({
        actor: "a@example.org",
        action: "test.old",
        at: new Date(Date.now() - (AUDIT_RETENTION_DAYS + 2) * DAY),
      })
      .returning();
    const [young] = await db.insert(auditLog).values({ actor: "a@example.org", action: "test.young" }).returning();
    expect((await applyRetentionEverywhere()).auditDeleted).toBe(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.id, old.id))).toEqual([]);
    expect(await refusal(db.delete(auditLog).where(eq(auditLog.id, young.id)))).toMatch(/append-only/);
    expect(await refusal(db.update(auditLog).set({ actor: "b" }).where(eq(auditLog.id, young.id)))).toMatch(
      /append-only/,
    );
  });
});
