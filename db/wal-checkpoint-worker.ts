// The SQLite server's checkpoints, on a thread and a connection of their own (started by wal-checkpoints.ts):
// copying the write-ahead log's pages into the database file, and the fsyncs that go with it, would otherwise
// run inside the commit that crossed SQLite's threshold, on the thread that answers requests.
// No "server-only" here: a worker thread is not a server component's import.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";
import type { CheckpointJob, FromCheckpointer } from "./wal-checkpoints";

const { file, everyMs } = workerData as CheckpointJob;
const db = new Database(file, { fileMustExist: true });
let lastError = "";

// PASSIVE copies what it can without waiting for the writer or any reader, so it never holds up a request.
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    lastError = "";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== lastError) parentPort?.postMessage({ error: message } satisfies FromCheckpointer);
    lastError = message;
  }
}, everyMs);

parentPort?.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
