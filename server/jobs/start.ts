import "server-only";
import { failInterruptedDossiers } from "@/db/queries/dossiers";
import { startOutboxWorker } from "./outbox-worker";
import { startRetentionWorker } from "./retention";

/**
 * The server's background work, started once per process before it takes requests: dossiers left half-made
 * by a previous process are marked failed (their organiser can start again), then the outbox worker and the
 * hourly retention pass start.
 */
export async function startBackgroundJobs(): Promise<void> {
  await failInterruptedDossiers();
  await startOutboxWorker();
  startRetentionWorker();
}
