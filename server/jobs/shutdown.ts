import "server-only";
import { releaseJobLease } from "@/db/queries/job-leases";
import { stopCampaignJobs } from "./campaign-schedule";
import { markDraining } from "./draining";
import { instanceId } from "./instance";
import { releaseUnsettledClaims, stopOutboxWorker } from "./outbox-worker";
import { stopRetentionWorker } from "./retention";
import { stopWebhookWorker } from "@/server/webhooks/webhook-worker";

/** How long sends (and a retention pass) in flight may finish before their claims are handed back. */
const GRACE_MS = 10_000;
/** Past this the process exits without waiting for the database to take the claims back (a lease lapses). */
const GIVE_UP_MS = 15_000;
/** Next's own exit codes after these signals (128 + the signal's number), kept when it exits after us. */
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;
type Signal = keyof typeof EXIT_CODES;

const within = (ms: number, work: Promise<unknown>) =>
  Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/**
 * Stops the background jobs and gives back what this process holds, so other instances carry on at once:
 * the outbox claims it took and did not settle, and the retention and campaign leases. Returns how many
 * claims went back.
 */
async function drainBackgroundJobs(): Promise<number> {
  markDraining();
  await within(
    GRACE_MS,
    Promise.all([stopOutboxWorker(), stopRetentionWorker(), stopCampaignJobs(), stopWebhookWorker()]),
  );
  const [released] = await Promise.all([
    releaseUnsettledClaims(),
    releaseJobLease("retention", instanceId()),
    releaseJobLease("campaign-schedule", instanceId()),
  ]);
  return released;
}

// On globalThis, like the workers: installed once per process whichever bundle asks.
const state = globalThis as { __delegationShutdown?: { draining?: Promise<void> } };

/**
 * On SIGTERM or SIGINT: /api/ready answers 503 at once, the jobs drain, and the process exits only when
 * that is done. `next start` has its own handler, which stops accepting connections, waits for the
 * requests in flight and then calls process.exit with its code: ours runs first and holds that exit back
 * until the drain has finished. Without Next's handler (NEXT_MANUAL_SIG_HANDLE) we exit with the same code.
 */
export function installShutdown(): void {
  if (state.__delegationShutdown) return;
  state.__delegationShutdown = {};
  for (const signal of Object.keys(EXIT_CODES) as Signal[]) {
    process.prependListener(signal, () => onSignal(signal));
  }
}

function onSignal(signal: Signal): void {
  const shutdown = state.__delegationShutdown!;
  if (shutdown.draining) return; // a second signal (a shell's Ctrl+C reaches every process) changes nothing
  const exit = process.exit;
  let exitRequested: { code: Parameters<typeof process.exit>[0] } | undefined;
  process.exit = ((code) => {
    exitRequested ??= { code };
  }) as typeof process.exit;

  const drained = drainBackgroundJobs().then(
    (released) => console.log(`shutdown: drained, released ${released} outbox claim(s)`),
    (error) => console.error("shutdown: draining failed:", error instanceof Error ? error.message : error),
  );
  shutdown.draining = within(
    GIVE_UP_MS,
    drained.then(() => true),
  ).then((finished) => {
    if (!finished) console.error(`shutdown: gave up draining after ${GIVE_UP_MS / 1000} s`);
    process.exit = exit;
    if (exitRequested) exit(exitRequested.code);
    else if (process.listenerCount(signal) === 1) exit(EXIT_CODES[signal]);
  });
}
