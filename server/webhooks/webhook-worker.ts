import "server-only";
import { lookup } from "node:dns/promises";
import { Webhook } from "standardwebhooks";
import { activeDialect } from "@/db/dialect";
import {
  claimDueDeliveries,
  markDeliveryDelivered,
  markDeliveryFailed,
  requeueLapsedDeliveries,
  type ClaimedDelivery,
} from "@/db/queries/webhooks";
import { getConfig, webhooksPublicOnly } from "@/lib/config";
import { isNonPublicAddress } from "@/lib/security/webhook-url";
import { pollingWorker } from "@/server/jobs/polling-worker";
import { openWebhookSecret } from "./secret";

// Webhook deliveries have a table of their own beside the outbox (not a new outbox kind): an email's row is
// a recipient, a template and a provider batch key, a delivery's an endpoint, a signed body and an HTTP
// answer, and the two retry on different clocks. Both follow one discipline: claim with a lease, settle
// once, let a dead worker's lease lapse. The receiver may still see an event twice (a crash between its
// 2xx and our mark): the webhook-id header is the same on every attempt, for it to drop the copy.

/** After this many attempts (about 20 hours with the default base) a delivery is given up. */
export const MAX_ATTEMPTS = 12;
const MAX_DELAY_MS = 6 * 3600_000;
const POLL_MS = 2_000;
const BATCH = 20;

/** Exponential backoff with jitter: base, 2×base, 4×base … capped at 6 hours. */
export function webhookBackoff(attempt: number, random = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, getConfig().WEBHOOK_RETRY_BASE_MS * 2 ** (attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

/** In production, the host must resolve to public addresses only (a name may point inside the network). */
async function refusedTarget(url: URL): Promise<string | null> {
  if (!webhooksPublicOnly()) return null;
  const addresses = await lookup(url.hostname.replace(/^\[|\]$/g, ""), { all: true });
  return addresses.some(({ address }) => isNonPublicAddress(address))
    ? "The endpoint's host resolves to a private address."
    : null;
}

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string; retry: boolean };

/** Signs the body per Standard Webhooks and posts it once; a 2xx is success, redirects are not followed. */
async function post(delivery: ClaimedDelivery): Promise<Attempt> {
  const url = new URL(delivery.url);
  const refused = await refusedTarget(url);
  if (refused) return { ok: false, status: null, error: refused, retry: false };
  const body = JSON.stringify(delivery.payload);
  const timestamp = new Date();
  let secret: string;
  try {
    secret = openWebhookSecret(delivery.secret);
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).message, retry: false };
  }
  const signature = new Webhook(secret).sign(delivery.eventId, timestamp, body);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Delegation-Webhooks/1",
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(getConfig().WEBHOOK_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
  return { ok: false, status: response.status, error: `HTTP ${response.status}`, retry: true };
}

async function deliver(delivery: ClaimedDelivery): Promise<void> {
  if (delivery.disabledAt) {
    await markDeliveryFailed(delivery.id, null, "The endpoint was disabled.", null);
    return;
  }
  let attempt: Attempt;
  try {
    attempt = await post(delivery);
  } catch (error) {
    const message =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    attempt = { ok: false, status: null, error: message, retry: true };
  }
  if (attempt.ok) {
    await markDeliveryDelivered(delivery.id, attempt.status);
    return;
  }
  // The endpoint's URL and the event id only: never the body (it may carry a signer's address) or the secret.
  console.warn(
    `webhook ${delivery.eventId} to ${new URL(delivery.url).origin}: attempt ${delivery.attempts} failed: ${attempt.error}`,
  );
  const again = attempt.retry && delivery.attempts < MAX_ATTEMPTS;
  const next = again ? new Date(Date.now() + webhookBackoff(delivery.attempts)) : null;
  await markDeliveryFailed(delivery.id, attempt.status, attempt.error, next);
}

const worker = pollingWorker({
  slot: "__delegationWebhooks",
  name: "webhook worker",
  everyMs: () => POLL_MS,
  pass: () => drainWebhooks(),
});

/** Delivers everything due now; returns how many deliveries it attempted. */
export async function drainWebhooks(): Promise<number> {
  let handled = 0;
  await requeueLapsedDeliveries();
  while (!worker.stopping) {
    const batch = await claimDueDeliveries(BATCH, getConfig().OUTBOX_LEASE_SECONDS * 1000);
    if (batch.length === 0) break;
    // Endpoints are independent: one slow receiver does not hold back the others in the batch.
    await Promise.all(batch.map(deliver));
    handled += batch.length;
  }
  return handled;
}

/** Starts the once-per-process worker; the only server (SQLite) first takes back what a crash left claimed. */
export async function startWebhookWorker(): Promise<void> {
  if (worker.started) return;
  if (activeDialect() === "sqlite") await requeueLapsedDeliveries(null);
  worker.start();
}

/** Asks a running worker for a pass now (after a test event is queued); the poll is the fallback. */
export function nudgeWebhooks(): void {
  worker.nudge();
}

/** Claims nothing more; resolves when the pass in flight has settled (its claims lapse if it never does). */
export function stopWebhookWorker(): Promise<void> {
  return worker.stop();
}
