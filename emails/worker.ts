import {
  claimDueMessages,
  markMessageFailed,
  markMessageSent,
  requeueInterruptedMessages,
  scheduleMessageRetry,
} from "@/db/queries/outbox";
import type { OutboxMessage } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { composeEmail } from "./compose";
import { sendEmail } from "./send";

const MAX_ATTEMPTS = 12;
const MAX_DELAY_MS = 15 * 60_000;
const POLL_MS = 2_000;
const BATCH = 20;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s … (MAIL_RETRY_BASE_MS) capped at 15 minutes. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, getConfig().MAIL_RETRY_BASE_MS * 2 ** (attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

async function deliver(message: OutboxMessage): Promise<void> {
  let result;
  try {
    result = await sendEmail(await composeEmail(message), `outbox-${message.id}`);
  } catch (error) {
    result = { ok: false as const, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) return markMessageSent(message.id, result.providerId);
  // Log the row and the provider's answer only: never the recipient or the email's links.
  console.warn(`outbox ${message.id}: attempt ${message.attempts} failed: ${result.error}`);
  if (!result.retryable || message.attempts >= MAX_ATTEMPTS) return markMessageFailed(message.id, result.error);
  const delay = Math.max(backoffDelay(message.attempts), result.retryAfterMs ?? 0);
  return scheduleMessageRetry(message.id, result.error, new Date(Date.now() + delay));
}

/** Sends everything due now; returns how many messages it handled. */
export async function drainOutbox(): Promise<number> {
  let handled = 0;
  for (;;) {
    const due = await claimDueMessages(BATCH);
    if (due.length === 0) return handled;
    for (const message of due) await deliver(message);
    handled += due.length;
  }
}

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean };

// On globalThis: instrumentation and route handlers are separate bundles in one process.
const state: WorkerState = ((globalThis as { __delegationOutbox?: WorkerState }).__delegationOutbox ??= {});

function runOnce(): void {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = drainOutbox()
    .then(() => undefined)
    .catch((error) => console.error("outbox worker pass failed:", error instanceof Error ? error.message : error))
    .finally(() => {
      state.running = undefined;
      if (state.again) {
        state.again = false;
        runOnce();
      }
    });
}

/** Starts the once-per-process worker: a pass now, then one every couple of seconds. */
export async function startOutboxWorker(): Promise<void> {
  if (state.timer) return;
  await requeueInterruptedMessages();
  state.timer = setInterval(runOnce, POLL_MS);
  state.timer.unref();
  runOnce();
}

/** Asks a running worker for a pass now (after a signature is queued); the poll is the fallback. */
export function nudgeOutbox(): void {
  if (state.timer) runOnce();
}

export async function stopOutboxWorker(): Promise<void> {
  clearInterval(state.timer);
  state.timer = undefined;
  await state.running;
}
