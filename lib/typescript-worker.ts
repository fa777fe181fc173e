import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread for a TypeScript entry file when the code runs outside Next (unit tests, scripts): a worker
 * cannot load TypeScript by itself, so tsx compiles it there. Inside Next the caller writes
 * `new Worker(new URL("./entry.ts", import.meta.url))` itself, which is the form Next's bundler finds.
 */
export function typescriptWorker(entry: string, options: WorkerOptions): Worker {
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, {
    ...options,
    eval: true,
  });
}
