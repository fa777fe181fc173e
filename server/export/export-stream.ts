import "server-only";
import type { SignatureFilter } from "@/db/queries/signature-search";
import { describeFilter } from "@/server/admin/inputs/signature-filters";
import { exportFormats, type ExportChunk, type ExportFormat } from "./export-format";

export type { ExportFormat } from "./export-format";

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/** Rows read from the database at a time, and written to the client as one chunk (about 75 KB of CSV). */
export const ROWS_PER_CHUNK = 500;

/** The format asked for in the query string: csv when none is given, null when it is not one we write. */
export function parseExportFormat(value: string | null): ExportFormat | null {
  if (value === null || value === "") return "csv";
  return (exportFormats as readonly string[]).includes(value) ? (value as ExportFormat) : null;
}

/** "moscow-trials-confirmed-2026-11-27.csv" */
export function exportFileName(filter: SignatureFilter, format: ExportFormat, now = new Date()): string {
  return `${describeFilter(filter)}-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * The chunks as a file body, produced only as fast as the client reads it (pull-based): each read of the
 * body takes one chunk, and no chunk is asked for ahead of the client, so memory stays flat however many
 * rows there are and however slowly they are downloaded. onDone is called exactly once with the number of
 * rows handed to the stream: completed when every chunk was written; not completed when the client went
 * away or producing the chunks failed, and then the chunks are released (return()) so that nothing keeps
 * reading the database.
 */
export function exportBody(
  chunks: AsyncIterator<ExportChunk>,
  onDone: (rowCount: number, completed: boolean) => void | Promise<void>,
): ReadableStream<Uint8Array> {
  let rowCount = 0;
  let finished = false;

  const finish = async (completed: boolean) => {
    if (finished) return;
    finished = true;
    if (!completed) await chunks.return?.();
    await onDone(rowCount, completed);
  };

  const source: UnderlyingDefaultSource<Uint8Array> = {
    async pull(controller) {
      let next: IteratorResult<ExportChunk>;
      try {
        next = await chunks.next();
      } catch (error) {
        await finish(false);
        throw error;
      }
      if (next.done) {
        await finish(true);
        controller.close();
        return;
      }
      rowCount += next.value.rows;
      controller.enqueue(next.value.bytes);
    },
    async cancel() {
      await finish(false);
    },
  };
  // Pull only while someone is reading: no row is read ahead of the client, and rowCount is what was delivered.
  return new ReadableStream(source, { highWaterMark: 0 });
}
