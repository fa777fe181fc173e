import { asc, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startResendStub, type StubFault, type StubReply } from "@/tests/resend-stub";

// The real resend SDK and outbox worker against a local stub that fails for a while, then recovers.
let stub: Awaited<ReturnType<typeof startResendStub>>;
// What the worker logs about failed attempts: kept to check it never names a recipient or a link.
const logged: string[] = [];

beforeAll(async () => {
  for (const level of ["warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
  stub = await startResendStub();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  process.env.MAIL_TIMEOUT_MS = "300";
  process.env.MAIL_RETRY_BASE_MS = "20";
});

afterAll(async () => {
  await stub.close();
});

let signers = 0;

async function queueSignature(label: string) {
  const { getLocalizedDocument } = await import("@/db/queries/documents");
  const { signDocument } = await import("@/server/signing/signing");
  const { getDb } = await import("@/db");
  const { outbox } = await import("@/db/schema");
  const document = await getLocalizedDocument("petition", "moscow-trials", "en");
  const email = `${label}-${++signers}@example.org`;
  const input = {
    name: "Ada Lovelace",
    email,
    country: "GB",
    city: null,
    comment: null,
    organisation: null,
    role: null,
  };
  await signDocument(
    document!,
    { ...input, display: "full", updates: false },
    { locale: "en", headers: new Headers() },
  );
  const [last] = await getDb().select().from(outbox).orderBy(desc(outbox.id)).limit(1);
  return last;
}

async function outboxRows(ids: number[]) {
  const { getDb } = await import("@/db");
  const { outbox } = await import("@/db/schema");
  return getDb().select().from(outbox).where(inArray(outbox.id, ids)).orderBy(asc(outbox.id));
}

/** Drains until every one of these messages is sent or failed (as the worker's poll would), or gives up. */
async function drainUntilSettled(ids: number[], deadlineMs = 15_000) {
  const { drainOutbox } = await import("@/server/jobs/outbox-worker");
  const started = Date.now();
  for (;;) {
    await drainOutbox();
    const rows = await outboxRows(ids);
    if (rows.every((row) => row.status === "sent" || row.status === "failed")) return rows;
    if (Date.now() - started > deadlineMs)
      throw new Error(`not settled: ${JSON.stringify(rows.map((row) => [row.id, row.status, row.lastError]))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Makes queued messages fall due at a given time, all in one write. */
async function setDue(messages: { id: number }[], at: Date) {
  const { getDb } = await import("@/db");
  const { outbox } = await import("@/db/schema");
  const ids = messages.map((message) => message.id);
  await getDb().update(outbox).set({ nextAttemptAt: at }).where(inArray(outbox.id, ids));
}

async function failedOnce(id: number) {
  for (let wait = 0; wait < 500; wait++) {
    if ((await outboxRows([id]))[0].lastError) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`message ${id} never failed`);
}

const rateLimited: Exclude<StubReply, "hang"> = {
  status: 429,
  headers: { "retry-after": "1" },
  body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
};

const faults: [string, StubFault][] = [
  ["429 with Retry-After", rateLimited],
  ["500", { status: 500 }],
  ["hanging past MAIL_TIMEOUT_MS", "hang"],
  ["accepting, then never answering", "accept-then-hang"],
  ["accepting, then resetting the connection", "accept-then-reset"],
  ["refusing connections (not listening)", "refuse"],
];

describe("while the email provider is down", () => {
  for (const [name, fault] of faults) {
    it(`${name}: every queued email, sent alone or in a batch, is delivered exactly once after recovery`, async () => {
      const { drainOutbox } = await import("@/server/jobs/outbox-worker");
      const firstRequest = stub.requests.length;
      // The stub ends the outage once the batch's request has failed; it cannot see refused connections,
      // so that outage lasts long enough for both kinds to have been refused.
      const outageMs = fault === "refuse" ? 2_200 : 10 * 60_000;
      await stub.outage(fault, outageMs, { endsAfter: "/emails/batch" });

      // One email due alone goes out alone (its own key); four that fall due while it fails go out as a batch.
      const single = await queueSignature("single");
      const batch = [
        await queueSignature("batch"),
        await queueSignature("batch"),
        await queueSignature("batch"),
        await queueSignature("batch"),
      ];
      await setDue(batch, new Date(Date.now() + 3600_000));
      const draining = drainOutbox();
      await failedOnce(single.id);
      await setDue(batch, new Date());
      await draining;
      const ids = [single.id, ...batch.map((message) => message.id)];
      const rows = await drainUntilSettled(ids);

      const seen = stub.requests.slice(firstRequest);
      const lastFailure = seen.findLastIndex((request) => request.outcome !== 200);
      const during = seen.slice(0, lastFailure + 1);
      const after = seen.slice(lastFailure + 1);
      if (fault !== "refuse") {
        // The stub saw both kinds of request fail, then both succeed.
        expect(new Set(during.map((request) => request.path))).toEqual(new Set(["/emails", "/emails/batch"]));
        expect(during.every((request) => request.outcome !== 200)).toBe(true);
      }
      expect(after.map((request) => request.outcome)).toEqual([200, 200]);

      // None lost: every row is sent, with the id the provider gave when it first accepted it.
      expect(rows.map((row) => row.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
      expect(rows.every((row) => row.attempts > 1)).toBe(true);
      for (const row of rows) {
        const delivery = stub.deliveries.find((candidate) => candidate.to === row.recipient);
        expect(row.providerId).toBe(delivery?.id);
      }
      // None doubled: each recipient was accepted once, each key once.
      const byRecipient = stub.acceptedByRecipient();
      expect(rows.map((row) => byRecipient.get(row.recipient))).toEqual([1, 1, 1, 1, 1]);
      const keys = stub.deliveries
        .filter((delivery) => rows.some((row) => row.recipient === delivery.to))
        .map((delivery) => delivery.key);
      expect(keys.sort()).toEqual([`outbox-${single.id}`, ...batch.map(() => `outbox-batch-${batch[0].id}-4`)].sort());

      // Each failed attempt was logged, by row and provider answer only.
      expect(logged.some((line) => line.includes(`outbox ${single.id}: attempt 1 failed`))).toBe(true);
      expect(
        logged.filter((line) => rows.some((row) => line.includes(row.recipient)) || line.includes("/confirm/")),
      ).toEqual([]);
    }, 20_000);
  }

  it("waits as long as Retry-After says before sending anything again", async () => {
    const { drainOutbox } = await import("@/server/jobs/outbox-worker");
    const firstRequest = stub.requests.length;
    // The first request alone is refused, however late a busy machine sends it.
    stub.failNext({ ...rateLimited, headers: { "retry-after": "2" } });
    const single = await queueSignature("patient");
    const others = [await queueSignature("patient"), await queueSignature("patient")];
    await setDue(others, new Date(Date.now() + 3600_000));
    const draining = drainOutbox();
    await failedOnce(single.id);
    await setDue(others, new Date());
    await draining;
    await drainUntilSettled([single.id, ...others.map((message) => message.id)]);

    const seen = stub.requests.slice(firstRequest);
    expect(seen.map((request) => request.outcome)).toEqual([429, 200, 200]);
    // Not the backoff (20 ms here), and not only for the rejected message: nothing at all for 2 s.
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(1_990);
  }, 30_000);

  it("keeps retrying a message through a long outage, and gives up only when its key could have expired", async () => {
    const { drainOutbox } = await import("@/server/jobs/outbox-worker");
    const { getDb } = await import("@/db");
    const { outbox } = await import("@/db/schema");
    const hour = 3600_000;
    const setAge = async (id: number, ageMs: number) => {
      await getDb()
        .update(outbox)
        .set({ createdAt: new Date(Date.now() - ageMs), attempts: 40, nextAttemptAt: new Date(0) })
        .where(eq(outbox.id, id));
    };
    await stub.outage({ status: 503 }, 2_000);

    // Forty attempts over an hour: still queued, its next try at most 15 minutes away.
    const long = await queueSignature("long-outage");
    await setAge(long.id, hour);
    await drainOutbox();
    const [stillQueued] = await outboxRows([long.id]);
    expect(stillQueued).toMatchObject({ status: "queued", attempts: 41 });
    expect(stillQueued.nextAttemptAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000 * 1.25);

    // Near a day old, the next try would fall past the 24 hours Resend keeps a key: given up, and why.
    const old = await queueSignature("day-old");
    await setAge(old.id, 24 * hour - 60_000);
    await drainOutbox();
    const [givenUp] = await outboxRows([old.id]);
    expect(givenUp).toMatchObject({ status: "failed" });
    expect(givenUp.lastError).toContain("503");

    await getDb().update(outbox).set({ status: "failed" }).where(eq(outbox.id, long.id)); // not for the next tests
  }, 10_000);
});
