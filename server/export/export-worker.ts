// The export's own thread, started by worker-export.ts for each download: it opens a snapshot of its own,
// reads the rows and writes the file, one chunk each time the main thread asks for one, and moves each
// chunk's bytes to the main thread without copying them. Its heap is capped (resourceLimits), so the garbage
// of a million rows is collected within that cap instead of swelling the server's own heap.
// No "server-only" here: see export-format.ts.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { readExportBatches } from "@/db/queries/export-rows";
import { openSnapshotFrom } from "@/db/snapshot";
import { exportChunks } from "./export-format";
import { EXPORT_APPLICATION_NAME, type ExportJob, type FromWorker, type ToWorker } from "./export-job";

function portToMainThread(): MessagePort {
  if (!parentPort) throw new Error("export-worker.ts runs as a worker thread (see worker-export.ts).");
  return parentPort;
}

const port = portToMainThread();
const { plan, format, rowsPerChunk } = workerData as ExportJob;
const chunks = exportChunks(
  readExportBatches(() => openSnapshotFrom(plan.source, EXPORT_APPLICATION_NAME), plan.query, rowsPerChunk),
  format,
);

async function answer(message: ToWorker): Promise<void> {
  if (message === "stop") {
    await chunks.return(undefined);
    port.close();
    return;
  }
  let reply: FromWorker;
  try {
    const next = await chunks.next();
    if (!next.done) {
      port.postMessage({ chunk: next.value } satisfies FromWorker, [next.value.bytes.buffer as ArrayBuffer]);
      return;
    }
    reply = { done: true };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  port.close();
}

// One message at a time, in order: a "stop" that arrives while a chunk is being written waits for it.
let turn = Promise.resolve();
port.on("message", (message: ToWorker) => {
  turn = turn.then(() => answer(message));
});
