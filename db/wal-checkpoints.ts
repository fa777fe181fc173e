import type Database from "better-sqlite3";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { typescriptWorker } from "@/lib/typescript-worker";

export type CheckpointJob = { file: string; everyMs: number };
export type FromCheckpointer = { error: string };

/** SQLite's own threshold (pages in the log) at which a commit runs a checkpoint itself. */
const SQLITE_DEFAULT_PAGES = 1000;
/**
 * With the thread copying pages every EVERY_MS, the commit that crosses this threshold finds little left
 * to copy; it runs the checkpoint that completes the log, so that the next write starts the log again
 * from its beginning instead of letting it grow through a long surge.
 */
export const BACKSTOP_PAGES = 4 * SQLITE_DEFAULT_PAGES;
const EVERY_MS = 200;

function startCheckpointer(job: CheckpointJob): Worker {
  if (!process.env.NEXT_RUNTIME) {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "wal-checkpoint-worker.ts");
    return typescriptWorker(entry, { workerData: job });
  }
  return new Worker(new URL("./wal-checkpoint-worker.ts", import.meta.url), { workerData: job });
}

/**
 * Moves the connection's checkpoints to a thread of their own. In a surge of signatures they were the
 * largest part of a commit's cost on the thread that answers requests (docs/performance.md). Should the
 * thread fail, the connection checkpoints by itself again. Returns a stop that does the same.
 */
export function checkpointOffThread(client: Database.Database, file: string, everyMs = EVERY_MS) {
  const worker = startCheckpointer({ file, everyMs });
  worker.unref(); // the process ends when the server does; the log is durable whoever copies it
  client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const selfCheckpointing = () => client.open && client.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  let stopping = false;
  worker.on("message", ({ error }: FromCheckpointer) => console.warn(`wal checkpoints: ${error}`));
  worker.on("error", (error) => console.warn(`wal checkpoints: the thread failed: ${error.message}`));
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      if (!stopping) console.warn("wal checkpoints: the thread ended; the connection checkpoints by itself again");
      selfCheckpointing();
      resolve();
    }),
  );
  return async function stop(): Promise<void> {
    stopping = true;
    worker.postMessage("stop");
    await exited;
  };
}
