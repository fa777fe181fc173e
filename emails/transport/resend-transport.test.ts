import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendStub, type StubReply } from "@/tests/resend-stub";

// The real resend SDK against a local stub: the send seam is configured, not mocked.
const script: StubReply[] = [];
let stub: Awaited<ReturnType<typeof startResendStub>>;

beforeAll(async () => {
  stub = await startResendStub(script);
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  process.env.MAIL_TIMEOUT_MS = "300";
  process.env.MAIL_RETRY_BASE_MS = "20";
});

afterAll(async () => {
  await stub.close();
});

async function drainUntilSettled(id: number) {
  const { drainOutbox } = await import("@/server/jobs/outbox-worker");
  const { getMessage } = await import("@/db/queries/outbox");
  for (let pass = 0; pass < 200; pass++) {
    await drainOutbox();
    const message = await getMessage(id);
    if (message && (message.status === "sent" || message.status === "failed")) return message;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the outbox did not settle");
}

async function queueSignature(email: string) {
  const { getLocalizedDocument } = await import("@/db/queries/documents");
  const { signDocument } = await import("@/server/signing/signing");
  const { getDb } = await import("@/db");
  const { outbox } = await import("@/db/schema");
  const document = await getLocalizedDocument("petition", "moscow-trials", "en");
  const input = {
    name: "Jean Dupont",
    email,
    country: "FR",
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

describe("the Resend transport", () => {
  it("retries a 429, a 500 and a timeout, then delivers exactly once with one idempotency key", async () => {
    script.push(
      {
        status: 429,
        headers: { "retry-after": "0" },
        body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      },
      { status: 500 },
      "hang",
      { status: 200 },
    );
    const queued = await queueSignature("jean@example.fr");
    const settled = await drainUntilSettled(queued.id);

    expect(settled).toMatchObject({ status: "sent", attempts: 4, providerId: "stub-1", lastError: null });
    expect(stub.requests).toHaveLength(4);
    expect(new Set(stub.requests.map((request) => request.idempotencyKey))).toEqual(new Set([`outbox-${queued.id}`]));
    expect(stub.requests.every((request) => request.authorization === "Bearer re_test_key")).toBe(true);
    expect(stub.acceptedCount()).toBe(1);

    const sent = stub.requests[3].body as { to: string[] | string; subject: string; html: string; text: string };
    expect(String(sent.to)).toBe("jean@example.fr");
    expect(sent.subject).toMatch(/^Confirm your signature/);
    expect(sent.text).toMatch(/http:\/\/petitions\.test\/confirm\/[A-Za-z0-9_-]{43}/);
    expect(sent.html).toContain("Confirm your signature");
  }, 20_000); // the first email renders the templates cold, slow while the other test files run

  it("gives up at once on a permanent refusal and records why", async () => {
    script.push({ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } });
    const before = stub.requests.length;
    const queued = await queueSignature("bounce@example.org");
    const settled = await drainUntilSettled(queued.id);
    expect(settled.status).toBe("failed");
    expect(settled.lastError).toContain("422 validation_error: Invalid `to` field");
    expect(stub.requests.length - before).toBe(1);
  });
});

describe("sending a backlog in batches", () => {
  async function queueMany(prefix: string, count: number) {
    const queued = [];
    for (let i = 0; i < count; i++) queued.push(await queueSignature(`${prefix}${i}@example.org`));
    return queued;
  }

  it("sends queued emails together, retries the batch under the same key, and each is accepted once", async () => {
    const { drainOutbox } = await import("@/server/jobs/outbox-worker");
    const { getMessage } = await import("@/db/queries/outbox");
    script.push({ status: 500 }, { status: 200 });
    const before = stub.requests.length;
    const acceptedBefore = stub.acceptedCount();
    const queued = await queueMany("batch", 3);
    for (let pass = 0; pass < 100 && (await getMessage(queued[2].id))?.status !== "sent"; pass++) {
      await drainOutbox();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const sent = stub.requests.slice(before);
    expect(sent.map((request) => request.path)).toEqual(["/emails/batch", "/emails/batch"]);
    expect(sent[0].idempotencyKey).toBe(`outbox-batch-${queued[0].id}-3`);
    expect(sent[1].idempotencyKey).toBe(sent[0].idempotencyKey);
    expect((sent[1].body as { to: string }[]).map((email) => String(email.to))).toEqual([
      "batch0@example.org",
      "batch1@example.org",
      "batch2@example.org",
    ]);
    expect(stub.acceptedCount() - acceptedBefore).toBe(3);
    for (const message of queued) expect(await getMessage(message.id)).toMatchObject({ status: "sent" });
  });

  it("splits a batch the provider refuses, so one bad address holds back nobody else", async () => {
    const { drainOutbox } = await import("@/server/jobs/outbox-worker");
    const { getMessage } = await import("@/db/queries/outbox");
    script.push(
      { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } },
      { status: 200 },
      { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } },
    );
    const before = stub.requests.length;
    const queued = await queueMany("split", 2);
    for (let pass = 0; pass < 10; pass++) await drainOutbox();
    expect(stub.requests.slice(before).map((request) => [request.path, request.idempotencyKey])).toEqual([
      ["/emails/batch", `outbox-batch-${queued[0].id}-2`],
      ["/emails", `outbox-${queued[0].id}`],
      ["/emails", `outbox-${queued[1].id}`],
    ]);
    expect((await getMessage(queued[0].id))?.status).toBe("sent");
    expect((await getMessage(queued[1].id))?.status).toBe("failed");
  });

  it("paces requests to the rate the provider announces", async () => {
    const { drainOutbox } = await import("@/server/jobs/outbox-worker");
    script.push({
      status: 200,
      headers: { "ratelimit-limit": "1", "ratelimit-remaining": "0", "ratelimit-reset": "1" },
    });
    const before = stub.requests.length;
    await queueSignature("first-in-window@example.org");
    await drainOutbox();
    await queueSignature("next-window@example.org");
    await drainOutbox(); // one request a second is all the provider allows
    const [first, second] = stub.requests.slice(before);
    expect(second.at - first.at).toBeGreaterThanOrEqual(950); // it waited for the window, not a guess
  });
});
