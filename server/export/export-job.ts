// What the main thread and the export's worker thread (export-worker.ts) say to each other. No
// "server-only" here: see export-format.ts.
import type { ExportPlan } from "@/db/queries/export";
import type { ExportChunk, ExportFormat } from "./export-format";

export type ExportJob = { plan: ExportPlan; format: ExportFormat; rowsPerChunk: number };
/** "next": write the next chunk; "stop": the client went away, release the snapshot and end. */
export type ToWorker = "next" | "stop";
export type FromWorker = { chunk: ExportChunk } | { done: true } | { error: string };

/** How the worker's database connection shows in PostgreSQL's pg_stat_activity. */
export const EXPORT_APPLICATION_NAME = "delegation export";
