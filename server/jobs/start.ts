import "server-only";
import { activeDialect } from "@/db/dialect";
import { checkpointInBackground } from "@/db/index";
import { failInterruptedDossiers } from "@/db/queries/dossiers";
import { startPublicChangeWatcher } from "@/server/public/public-changes";
import { startCampaignJobs } from "./campaign-schedule";
import { startOutboxWorker } from "./outbox-worker";
import { startWebhookWorker } from "@/server/webhooks/webhook-worker";
import { startRetentionWorker } from "./retention";
import { installShutdown } from "./shutdown";

/** A dossier "generating" for longer than this was left by an instance that stopped. */
const ABANDONED_DOSSIER_MS = 30 * 60_000;

/**
 * The server's background work, started once per process before it takes requests: dossiers left half-made
 * by a previous process are marked failed (their organiser can start again), SQLite's checkpoints move to a
 * thread of their own (db/wal-checkpoints.ts), then the outbox worker, the hourly retention pass and the
 * campaigns' schedule (closing dates, milestones) start, and a stop signal drains them first
 * (server/jobs/shutdown.ts); with other instances on the database, the watch for their organisers' changes
 * starts too.
 */
export async function startBackgroundJobs(): Promise<void> {
  // On SQLite this process is the only server; on PostgreSQL another instance may be writing a young one.
  const sole = activeDialect() === "sqlite";
  await failInterruptedDossiers(new Date(Date.now() - (sole ? 0 : ABANDONED_DOSSIER_MS)));
  checkpointInBackground();
  await startOutboxWorker();
  await startWebhookWorker();
  startRetentionWorker();
  startCampaignJobs();
  // Right after the workers start, with no await between (no signal can come in between): a drain never
  // finds a worker half started.
  installShutdown();
  if (!sole) await startPublicChangeWatcher();
}
