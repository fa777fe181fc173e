import "server-only";
import type { ExportRow } from "@/db/queries/export";
import type { SignatureFilter } from "@/db/queries/signature-search";
import { describeFilter } from "@/server/admin/inputs/signature-filters";
import { csvRow } from "@/lib/format/csv";

const exportFormats = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

const COLUMNS = [
  "document",
  "name",
  "email",
  "country",
  "city",
  "comment",
  "display",
  "updates",
  "state",
  "created",
  "confirmed",
  "organisation",
  "role",
  "textVersion",
  "language",
  "source",
  "confirmedBy",
] as const;
/** Rows read from the database at a time, and written to the client as one chunk (about 75 KB of CSV). */
export const ROWS_PER_CHUNK = 500;
// Without the BOM, Excel reads UTF-8 CSV as the local code page and mangles Cyrillic names.
const BOM = "\uFEFF";

/** The format asked for in the query string: csv when none is given, null when it is not one we write. */
export function parseExportFormat(value: string | null): ExportFormat | null {
  if (value === null || value === "") return "csv";
  return (exportFormats as readonly string[]).includes(value) ? (value as ExportFormat) : null;
}

/** "moscow-trials-confirmed-2026-11-27.csv" */
export function exportFileName(filter: SignatureFilter, format: ExportFormat, now = new Date()): string {
  return `${describeFilter(filter)}-${now.toISOString().slice(0, 10)}.${format}`;
}

function csvLine(row: ExportRow): string {
  return csvRow([
    row.document,
    row.name,
    row.email,
    row.country,
    row.city,
    row.comment,
    row.display,
    row.updates ? "yes" : "no",
    row.state,
    row.created.toISOString(),
    row.confirmed?.toISOString(),
    row.organisation,
    row.role,
    row.textVersion,
    row.language,
    row.source,
    row.confirmedBy,
  ]);
}

function ndjsonLine(row: ExportRow): string {
  const record = { ...row, created: row.created.toISOString(), confirmed: row.confirmed?.toISOString() ?? null };
  return `${JSON.stringify(record, COLUMNS as unknown as string[])}\n`;
}

/**
 * The rows as a file body, produced only as fast as the client reads it (pull-based): each read of the body
 * takes one batch from `batches` and writes it as one chunk, and no batch is read ahead of the client, so
 * memory stays flat however many rows there are and however slowly they are downloaded. onDone is called
 * exactly once with the number of rows handed to the stream: completed when every row was written; not
 * completed when the client went away or reading the rows failed, and then the rows are released
 * (return()) so the database statement does not stay open.
 */
export function exportStream(
  batches: AsyncIterator<ExportRow[]>,
  format: ExportFormat,
  onDone: (rowCount: number, completed: boolean) => void | Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = format === "csv" ? csvLine : ndjsonLine;
  let preamble = format === "csv" ? BOM + csvRow([...COLUMNS]) : "";
  let rowCount = 0;
  let finished = false;

  const finish = async (completed: boolean) => {
    if (finished) return;
    finished = true;
    if (!completed) await batches.return?.();
    await onDone(rowCount, completed);
  };

  const source: UnderlyingDefaultSource<Uint8Array> = {
    async pull(controller) {
      let next: IteratorResult<ExportRow[]>;
      try {
        next = await batches.next();
      } catch (error) {
        await finish(false);
        throw error;
      }
      const rows = next.done ? [] : next.value;
      let text = preamble;
      for (const row of rows) text += line(row);
      preamble = "";
      rowCount += rows.length;
      if (text) controller.enqueue(encoder.encode(text));
      if (next.done) {
        await finish(true);
        controller.close();
      }
    },
    async cancel() {
      await finish(false);
    },
  };
  // Pull only while someone is reading: no row is read ahead of the client, and rowCount is what was delivered.
  return new ReadableStream(source, { highWaterMark: 0 });
}
