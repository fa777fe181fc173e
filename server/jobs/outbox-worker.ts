import "server-only";
import { activeDialect } from "@/db/dialect";
import {
  claimDueMessages,
  markMessagesFailed,
  markMessagesSent,
  releaseClaims,
  requeueInterruptedMessages,
  requeueLapsedClaims,
  scheduleMessagesRetry,
  splitBatch,
} from "@/db/queries/outbox";
import { getConfig } from "@/lib/config";
import { composeEmail } from "@/emails/compose";
import { sendEmails, type SendResult } from "@/emails/transport/send";
import { pollingWorker } from "./polling-worker";

/**
 * How long a message is retried. Resend remembers an idempotency key for 24 hours, so a retry after that
 * could deliver twice; until then no outage, however long, loses an email.
 */
const RETRY_WINDOW_MS = 24 * 3600_000;
const MAX_DELAY_MS = 15 * 60_000;
const POLL_MS = 2_000;
/** Resend's batch endpoint takes up to 100 emails per request. */
const BATCH = 100;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … (MAIL_RETRY_BASE_MS) capped at 15 minutes. */
function backoffDelay(attempt: number, random = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, getConfig().MAIL_RETRY_BASE_MS * 2 ** (attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Paces requests to the provider's announced rate (ratelimit-limit per second, as Resend counts it) so
 * a backlog drains at the full allowed rate without provoking 429s; a 429's Retry-After still wins.
 */
class Pacer {
  private answered: number[] = [];
  private limit = 0;

  /** Each answer's time: the provider counted the request before it answered, so spacing answers is safe. */
  learn(rateLimit: SendResult["rateLimit"], now = Date.now()): void {
    if (rateLimit) this.limit = rateLimit.limit;
    this.answered.push(now);
    if (this.answered.length > 100) this.answered.splice(0, this.answered.length - 100);
  }

  /** How long to wait so that no more than `limit` requests fall within any second. */
  waitMs(now = Date.now()): number {
    if (this.limit === 0 || this.answered.length < this.limit) return 0;
    return Math.max(0, this.answered[this.answered.length - this.limit] + 1000 - now);
  }
}

const pacer = new Pacer();

/** Sends one batch; returns how long the provider asked us to wait (Retry-After), if it did. */
async function deliver(batch: Awaited<ReturnType<typeof claimDueMessages>>): Promise<number> {
  const ids = batch.map((message) => message.id);
  let result: SendResult;
  try {
    const emails = await Promise.all(
      batch.map(async (message) => ({ key: `outbox-${message.id}`, email: await composeEmail(message) })),
    );
    await sleep(pacer.waitMs());
    result = await sendEmails(emails, batch[0].batchKey);
    pacer.learn(result.rateLimit);
  } catch (error) {
    result = { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) {
    await markMessagesSent(batch.map((message, index) => ({ id: message.id, providerId: result.providerIds[index] })));
    return 0;
  }
  // Log the rows and the provider's answer only: never the recipients or the emails' links.
  console.warn(
    `outbox ${ids[0]}${ids.length > 1 ? ` (+${ids.length - 1})` : ""}: attempt ${batch[0].attempts} failed: ${result.error}`,
  );
  if (!result.retryable && batch.length > 1) {
    await splitBatch(ids); // one bad address must not hold back the rest: send each alone
  } else {
    const retryAt = Date.now() + Math.max(backoffDelay(batch[0].attempts), result.retryAfterMs ?? 0);
    // The batch's first message is its oldest: its age bounds the key's.
    if (!result.retryable || retryAt - batch[0].createdAt.getTime() > RETRY_WINDOW_MS)
      await markMessagesFailed(ids, result.error);
    else await scheduleMessagesRetry(ids, result.error, new Date(retryAt));
  }
  return result.retryAfterMs ?? 0;
}

/** Messages this process claimed and has not yet marked sent, failed or due again. */
const claimed: Set<number> = ((globalThis as { __delegationOutboxClaims?: Set<number> }).__delegationOutboxClaims ??=
  new Set());

const worker = pollingWorker({
  slot: "__delegationOutbox",
  name: "outbox worker",
  everyMs: () => POLL_MS,
  pass: () => drainOutbox(),
});

/** Sends everything due now, batch after batch, at the provider's pace; returns how many it handled. */
export async function drainOutbox(): Promise<number> {
  let handled = 0;
  await requeueLapsedClaims();
  while (!worker.stopping) {
    const batch = await claimDueMessages(BATCH, getConfig().OUTBOX_LEASE_SECONDS * 1000);
    if (batch.length === 0) break;
    for (const message of batch) claimed.add(message.id);
    const pause = await deliver(batch);
    for (const message of batch) claimed.delete(message.id);
    handled += batch.length;
    if (pause > 0 && !worker.stopping) await sleep(pause);
  }
  return handled;
}

/** Starts the once-per-process worker: a pass now, then one every couple of seconds. */
export async function startOutboxWorker(): Promise<void> {
  if (worker.started) return;
  // The only server (SQLite) takes back everything a crash left; instances on PostgreSQL wait for leases.
  if (activeDialect() === "sqlite") await requeueInterruptedMessages();
  worker.start();
}

/** Asks a running worker for a pass now (after a signature is queued); the poll is the fallback. */
export function nudgeOutbox(): void {
  worker.nudge();
}

/** Claims nothing more from now on; resolves when the pass in flight, if any, has settled. */
export function stopOutboxWorker(): Promise<void> {
  return worker.stop();
}

/**
 * Hands back the messages this process claimed and has not settled (a send still in flight when it stops),
 * so that another instance sends them now rather than when the lease lapses; the batch keeps its key, so
 * the provider drops a second copy. Returns how many went back to the queue.
 */
export async function releaseUnsettledClaims(): Promise<number> {
  const ids = [...claimed];
  claimed.clear();
  return releaseClaims(ids);
}
