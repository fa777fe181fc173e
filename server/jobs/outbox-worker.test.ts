import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { claimDueMessages, queueEmail } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { ADMIN_SIGN_IN_TEMPLATE, type AdminSignInPayload } from "@/emails/compose";
import { newTokenNonce } from "@/lib/security/tokens";
import { startResendStub, type StubReply } from "@/tests/resend-stub";
import { nudgeOutbox, releaseUnsettledClaims, startOutboxWorker, stopOutboxWorker } from "./outbox-worker";

// The real worker and resend SDK against the local stub; `script` scripts the stub's next answers.
const script: StubReply[] = [];
let stub: Awaited<ReturnType<typeof startResendStub>>;

beforeAll(async () => {
  stub = await startResendStub(script);
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  // Longer than the test: a send the stub never answers stays in flight until the stub lets it go.
  process.env.MAIL_TIMEOUT_MS = "60000";
});

afterAll(async () => {
  await stub.close();
});

beforeEach(async () => {
  await getDb().delete(outbox);
});

async function queueSignInLinks(count: number): Promise<number[]> {
  for (let i = 0; i < count; i++) {
    const payload: AdminSignInPayload = {
      link: "http://petitions.test/api/auth/callback/resend?callbackUrl=%2Fadmin&email=admin%40localhost",
      tokenNonce: newTokenNonce(),
      validMinutes: 10,
    };
    await queueEmail(ADMIN_SIGN_IN_TEMPLATE, "admin@localhost", payload);
  }
  return (await getDb().select({ id: outbox.id }).from(outbox)).map((row) => row.id);
}

async function statuses(ids: number[]) {
  const rows = await getDb().select().from(outbox).where(inArray(outbox.id, ids)).orderBy(outbox.id);
  return rows.map((row) => row.status);
}

describe("stopping the outbox worker", () => {
  it("is not woken by a new message once stopped", async () => {
    const [first] = await queueSignInLinks(1);
    await startOutboxWorker();
    await expect.poll(() => statuses([first])).toEqual(["sent"]);
    const requests = stub.requests.length;
    await stopOutboxWorker();

    await getDb().delete(outbox);
    const [second] = await queueSignInLinks(1);
    nudgeOutbox(); // what a new signature does: a stopped worker does not wake
    await stopOutboxWorker();
    expect(await statuses([second])).toEqual(["queued"]);
    expect(stub.requests.length).toBe(requests);
  });

  it("hands back the messages of a send in flight, which another worker then claims under the same key", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const [a, b, later] = await queueSignInLinks(3);
    // Two batches: the first two messages together, then the third.
    await getDb()
      .update(outbox)
      .set({ batchKey: "two-links" })
      .where(inArray(outbox.id, [a, b]));
    script.push("hang"); // the provider takes the first request and does not answer
    const requests = stub.requests.length;
    await startOutboxWorker();
    await expect.poll(() => stub.requests.length).toBe(requests + 1);
    expect(await statuses([a, b, later])).toEqual(["sending", "sending", "queued"]);

    const stopped = stopOutboxWorker();
    expect(await releaseUnsettledClaims()).toBe(2);
    expect(await statuses([a, b])).toEqual(["queued", "queued"]);
    expect(await releaseUnsettledClaims()).toBe(0); // handed back once

    // Another instance's worker takes them now, not when the lease lapses, under the key of the request
    // in flight: the provider would drop a second copy.
    const claimed = await claimDueMessages(100, 60_000);
    expect(claimed.map((message) => message.id)).toEqual([a, b]);
    expect(claimed.map((message) => message.batchKey)).toEqual(["two-links", "two-links"]);
    expect(stub.requests.at(-1)!.idempotencyKey).toBe("two-links");

    await stub.close(); // the hanging request fails, and the stopped worker's pass settles
    await stopped;
    // It claimed nothing after the batch in flight.
    const [rest] = await getDb().select().from(outbox).where(eq(outbox.id, later));
    expect(rest).toMatchObject({ status: "queued", attempts: 0 });
    expect(warned.mock.calls.join(" ")).not.toContain("admin@localhost");
  });
});
