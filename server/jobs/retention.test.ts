import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { documents, signatures } from "@/db/schema";
import { runRetentionPass, startRetentionWorker } from "./retention";

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
    expect(runRetentionPass()).not.toBe(first);
  });

  it("deletes a month-old unconfirmed signature on its first pass, logs what it did, and keeps no process alive", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const [document] = getDb().select().from(documents).all();
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const { id } = getDb()
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
      .returning()
      .get();
    startRetentionWorker(60_000);
    const timer = state().timer!;
    expect(timer.hasRef()).toBe(false);
    startRetentionWorker(60_000);
    expect(state().timer).toBe(timer); // started once per process
    await runRetentionPass();
    await vi.waitFor(() =>
      expect(getDb().select().from(signatures).where(eq(signatures.id, id)).get()).toBeUndefined(),
    );
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^retention: deleted 1 unconfirmed signature/));
  });
});
