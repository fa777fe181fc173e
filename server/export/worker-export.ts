import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { typescriptWorker } from "@/lib/typescript-worker";
import { planExport, type ExportPlan } from "@/db/queries/export";
import type { SignatureFilter } from "@/db/queries/signature-search";
import type { ExportChunk, ExportFormat } from "./export-format";
import { ROWS_PER_CHUNK, exportBody } from "./export-stream";
import type { ExportJob, FromWorker, ToWorker } from "./export-job";

// The worker's heap: its live data is a batch of rows and a chunk (a few MB); the cap makes V8 collect a
// million rows' garbage within it rather than let the heap grow to several times its live size. The young
// generation is where a row's garbage dies: at 4 MB a batch still in use outlived each scavenge, was moved to
// the old generation and collected there, and collecting took a third of the worker's time. Measured on
// 1,000,000 rows (docs/performance.md), server CPU / memory growth, on a busy machine: 24/4 MB 21.5 s / +61 MB
// on PostgreSQL and 21.9 s / +60 MB on SQLite; 40/16 MB 16.5 s / +83 MB and 11.2 s / +71 MB; 48/16 MB
// 13.7 s / +53 MB and 10.6-13.0 s / +73-91 MB. A young generation larger than half the old one spent most of
// its time collecting (24/16, in a run without the server: three times the CPU of 24/4).
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 40, maxYoungGenerationSizeMb: 16 };
// A worker asked to stop finishes the chunk it is writing and closes its snapshot; one that does not end
// within this time (a database that no longer answers) is terminated, which closes its connection too.
const STOP_GRACE_MS = 5_000;

function startWorker(job: ExportJob): Worker {
  const options = { workerData: job, resourceLimits: RESOURCE_LIMITS };
  if (!process.env.NEXT_RUNTIME) {
    return typescriptWorker(path.join(path.dirname(fileURLToPath(import.meta.url)), "export-worker.ts"), options);
  }
  return new Worker(new URL("./export-worker.ts", import.meta.url), options);
}

/**
 * The export's chunks, produced by a worker thread of its own (export-worker.ts), started by the first
 * next(). At most one chunk is written ahead of the one being sent, so that the worker writes while the main
 * thread sends. return() stops the worker and resolves once it has ended and its snapshot is closed.
 */
export function exportChunksInWorker(
  plan: ExportPlan,
  format: ExportFormat,
  rowsPerChunk: number,
): AsyncIterator<ExportChunk> {
  let worker: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();
  let waiting: { resolve: (reply: FromWorker) => void; reject: (error: Error) => void } | undefined;
  let ahead: Promise<FromWorker> | undefined;
  let ended = false;

  const settle = (outcome: { reply: FromWorker } | { error: Error }) => {
    const waiter = waiting;
    waiting = undefined;
    if ("reply" in outcome) waiter?.resolve(outcome.reply);
    else waiter?.reject(outcome.error);
  };

  function start(): Worker {
    const started = startWorker({ plan, format, rowsPerChunk });
    started.on("message", (reply: FromWorker) => settle({ reply }));
    started.on("error", (error) => settle({ error }));
    exited = new Promise((resolve) =>
      started.once("exit", (code) => {
        ended = true;
        settle({ error: new Error(`The export's worker ended (exit code ${code}) before the file did.`) });
        resolve();
      }),
    );
    return started;
  }

  function request(): Promise<FromWorker> {
    worker ??= start();
    const asked = worker;
    const reply = new Promise<FromWorker>((resolve, reject) => {
      waiting = { resolve, reject };
      asked.postMessage("next" satisfies ToWorker);
    });
    reply.catch(() => {}); // a chunk asked for ahead may fail before anyone awaits it; it is awaited later
    return reply;
  }

  return {
    async next() {
      if (ended && !ahead) return { done: true, value: undefined };
      const reply = await (ahead ?? request());
      ahead = undefined;
      if ("error" in reply) throw new Error(reply.error);
      if ("done" in reply) {
        ended = true;
        return { done: true, value: undefined };
      }
      ahead = request();
      return { done: false, value: reply.chunk };
    },
    async return() {
      ahead = undefined;
      if (worker && !ended) {
        worker.postMessage("stop" satisfies ToWorker);
        const stuck = setTimeout(() => void worker?.terminate(), STOP_GRACE_MS);
        await exited;
        clearTimeout(stuck);
      }
      ended = true;
      return { done: true, value: undefined };
    },
  };
}

// Each export is a thread reading the database as fast as it can: a few at once already fill the machine's
// cores, and more would only slow down the signers' requests and each other.
const MAX_RUNNING_EXPORTS = 2;
let runningExports = 0;

/**
 * The filtered signatures as a file body written by a worker thread of its own (see exportBody for the
 * pacing and onDone): a million rows' garbage stays in that thread's capped heap, and this thread goes on
 * serving other requests while the file is written. "busy" when this process already runs as many exports
 * as it takes; an export holds its place from this call until onDone.
 */
export async function exportInWorker(
  filter: SignatureFilter,
  format: ExportFormat,
  onDone: (rowCount: number, completed: boolean) => void | Promise<void>,
): Promise<ReadableStream<Uint8Array> | "busy"> {
  if (runningExports >= MAX_RUNNING_EXPORTS) return "busy";
  runningExports += 1;
  try {
    const chunks = exportChunksInWorker(await planExport(filter), format, ROWS_PER_CHUNK);
    // exportBody calls this exactly once, whether the file was completed or not.
    return exportBody(chunks, (rowCount, completed) => {
      runningExports -= 1;
      return onDone(rowCount, completed);
    });
  } catch (error) {
    runningExports -= 1;
    throw error;
  }
}
