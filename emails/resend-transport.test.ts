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
  const { drainOutbox } = await import("./worker");
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
  const { getDocumentBySlug } = await import("@/db/queries/documents");
  const { signDocument } = await import("@/lib/signing");
  const { getDb } = await import("@/db");
  const { outbox } = await import("@/db/schema");
  const document = await getDocumentBySlug("petition", "moscow-trials");
  await signDocument(document!, {
    name: "Jean Dupont", email, country: "FR", city: null, comment: null, display: "full", updates: false,
  });
  return getDb().select().from(outbox).all().at(-1)!;
}

describe("the Resend transport", () => {
  it("retries a 429, a 500 and a timeout, then delivers exactly once with one idempotency key", async () => {
    script.push(
      { status: 429, headers: { "retry-after": "0" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" } },
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
  });

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
