import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { activeDialect } from "@/db/dialect";
import { getLocalizedDocument } from "@/db/queries/documents";
import { confirmSignature } from "@/db/queries/confirming";
import { recordSignature } from "@/db/queries/signatures";
import {
  claimDueDeliveries,
  insertWebhookEndpoint,
  queueTestEvent,
  requeueLapsedDeliveries,
  setWebhookEndpointDisabled,
} from "@/db/queries/webhooks";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { hashToken, newTokenNonce } from "@/lib/security/tokens";
import type { WebhookEvent } from "@/lib/vocabulary";
import { startWebhookReceiver } from "@/tests/webhook-receiver";
import { newWebhookSecret, sealWebhookSecret } from "./secret";
import { drainWebhooks, MAX_ATTEMPTS, webhookBackoff } from "./webhook-worker";

// Retries come quickly here; the default base is 5 seconds.
process.env.WEBHOOK_RETRY_BASE_MS = "20";

const receivers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  // Each test starts with no endpoint listening and nothing queued.
  await getDb().delete(webhookDeliveries);
  await getDb().update(webhookEndpoints).set({ disabledAt: new Date() });
});

/**
 * A receiver and its endpoint, whose secret is kept sealed as the admin page keeps it; `stored` replaces what
 * the database holds (a secret kept in plain text before sealing, or a damaged one).
 */
async function endpoint(
  events: WebhookEvent[],
  options: { failFirst?: number; stored?: (secret: string) => string } = {},
) {
  const secret = newWebhookSecret();
  const receiver = await startWebhookReceiver(secret, options);
  receivers.push(receiver);
  const stored = (options.stored ?? sealWebhookSecret)(secret);
  const id = await insertWebhookEndpoint({ url: receiver.url, events, secret: stored, createdBy: "o@x" });
  return { id, receiver, secret };
}

async function storedSecret(id: number) {
  const [row] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row.secret;
}

/** Runs worker passes until the condition holds (retries wait for their backoff), or fails after 20 s. */
async function drainUntil(condition: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("the condition did not hold within 20 s");
    await drainWebhooks();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function deliveriesTo(endpointId: number) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

/** A signer signs and follows the confirmation link: the event is queued in the confirming transaction. */
async function confirmNewSignature(email: string) {
  const document = (await getLocalizedDocument("petition", "moscow-trials", "en"))!;
  const plain = newTokenNonce();
  const token = { hash: hashToken(plain), nonce: newTokenNonce(), expiresAt: new Date(Date.now() + 3600_000) };
  await recordSignature(
    document,
    {
      ...{ name: "Вера Иванова", email, emailKey: emailKey(email), country: "RU", city: null, comment: null },
      ...{ organisation: null, role: null, display: "full", updates: false, locale: "en", ipHash: null, flagged: null },
    },
    token,
  );
  expect((await confirmSignature(token.hash)).status).toBe("just-confirmed");
}

describe("webhook backoff", () => {
  it("doubles from the base with jitter, up to six hours, and gives up after MAX_ATTEMPTS", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempt) => webhookBackoff(attempt, middle))).toEqual([20, 40, 80, 160]);
    expect(webhookBackoff(40, middle)).toBe(6 * 3600_000);
    expect(webhookBackoff(1, () => 0)).toBe(15);
    expect(webhookBackoff(1, () => 1)).toBe(25);
    expect(MAX_ATTEMPTS).toBeGreaterThan(5);
  });
});

describe("webhook deliveries", () => {
  it("sign each event per Standard Webhooks; a receiver verifying with the specification's library accepts it", async () => {
    const listening = await endpoint(["signature.confirmed"]);
    const deaf = await endpoint(["campaign.closed"]);
    await confirmNewSignature("signed@example.org");
    await drainUntil(() => listening.receiver.received.size === 1);
    const [event] = listening.receiver.received.values();
    expect(event.id).toMatch(/^msg_/);
    expect(event.type).toBe("signature.confirmed");
    expect(event.data).toMatchObject({
      petition: { id: "moscow-trials", kind: "petition" },
      signature: { email: "signed@example.org", name: "Вера Иванова", country: "RU", confirmed_by: "email" },
    });
    expect(listening.receiver.stats).toMatchObject({ badSignatures: 0, duplicates: 0 });
    expect(await deliveriesTo(deaf.id)).toEqual([]);
    const [delivery] = await deliveriesTo(listening.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 204 });
  });

  it("keep each endpoint's secret sealed in the database, and still sign with it", async () => {
    const sealed = await endpoint(["signature.confirmed"]);
    const plain = await endpoint(["signature.confirmed"], { stored: (secret) => secret });
    const stored = await storedSecret(sealed.id);
    expect(stored).toMatch(/^sealed:v1:/);
    expect(stored).not.toContain(sealed.secret.slice("whsec_".length, "whsec_".length + 8));
    await confirmNewSignature("sealed@example.org");
    // An endpoint registered before secrets were sealed is signed as before.
    await drainUntil(() => sealed.receiver.received.size === 1 && plain.receiver.received.size === 1);
    expect(sealed.receiver.stats.badSignatures).toBe(0);
    expect(plain.receiver.stats.badSignatures).toBe(0);
  });

  it("fail an event at once, saying why, when the sealed secret cannot be opened (AUTH_SECRET changed)", async () => {
    const damaged = await endpoint(["signature.confirmed"], {
      stored: (secret) => sealWebhookSecret(secret).replace("sealed:v1:", "sealed:v1:AAAA"), // another nonce
    });
    await confirmNewSignature("unreadable@example.org");
    await drainUntil(async () => (await deliveriesTo(damaged.id))[0]?.status === "failed");
    const [delivery] = await deliveriesTo(damaged.id);
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: null });
    expect(delivery.lastError).toMatch(/AUTH_SECRET/);
    expect(damaged.receiver.received.size).toBe(0);
  });

  it("retry a failing receiver with growing delays, and deliver the event exactly once when it recovers", async () => {
    const { id, receiver } = await endpoint(["signature.confirmed"], { failFirst: 2 });
    await confirmNewSignature("retried@example.org");
    await drainUntil(async () => (await deliveriesTo(id))[0].status === "delivered");
    const [delivered] = await deliveriesTo(id);
    expect(delivered).toMatchObject({ attempts: 3, lastStatus: 204, lastError: null });
    expect(receiver.stats.requests).toBe(3);
    // Each retry waited at least its backoff (base 20 ms, then 40 ms, less 25 % jitter).
    const [first, second, third] = receiver.stats.times;
    expect(second - first).toBeGreaterThanOrEqual(14);
    expect(third - second).toBeGreaterThanOrEqual(29);
    expect(receiver.received.size).toBe(1);
    expect(receiver.stats.duplicates).toBe(0);
  });

  it("deliver an event once when a worker dies holding it and the server starts again", async () => {
    const { id, receiver } = await endpoint(["signature.confirmed"]);
    await confirmNewSignature("restart@example.org");
    // A worker claims the delivery and dies before posting it (the process was killed).
    const claimed = await claimDueDeliveries(10, 60_000);
    expect(claimed.map((row) => row.eventId)).toHaveLength(1);
    // Another pass while the lease holds: nobody else may take it.
    expect(await claimDueDeliveries(10, 60_000)).toEqual([]);
    // The server starts again: on SQLite it is the only one and takes back every claim; on PostgreSQL another
    // instance takes it once the lease has run out.
    if (activeDialect() === "sqlite") expect(await requeueLapsedDeliveries(null)).toBe(1);
    else expect(await requeueLapsedDeliveries(new Date(Date.now() + 61_000))).toBe(1);
    await drainUntil(() => receiver.received.size === 1);
    await drainWebhooks();
    expect(receiver.stats.requests).toBe(1);
    expect((await deliveriesTo(id)).map((row) => row.status)).toEqual(["delivered"]);
  });

  it("let only one of two simultaneous workers claim a delivery", async () => {
    const { id } = await endpoint(["signature.confirmed"]);
    await confirmNewSignature("race@example.org");
    const claims = await Promise.all([claimDueDeliveries(10, 60_000), claimDueDeliveries(10, 60_000)]);
    expect(claims.flat().filter((row) => row.url.includes("127.0.0.1"))).toHaveLength(1);
    await requeueLapsedDeliveries(null);
    await drainUntil(async () => (await deliveriesTo(id))[0].status === "delivered");
  });

  it("send a test event to one endpoint on request, and nothing to a disabled endpoint", async () => {
    const { id, receiver } = await endpoint(["update.sent"]);
    expect(await queueTestEvent(id)).toMatch(/^msg_/);
    await drainUntil(() => receiver.received.size === 1);
    expect([...receiver.received.values()][0].type).toBe("webhook.test");
    await setWebhookEndpointDisabled(id, true);
    await queueTestEvent(id);
    await drainUntil(async () => (await deliveriesTo(id)).every((row) => row.status !== "queued"));
    expect(receiver.stats.requests).toBe(1);
    expect((await deliveriesTo(id)).map((row) => row.status).sort()).toEqual(["delivered", "failed"]);
  });
});
