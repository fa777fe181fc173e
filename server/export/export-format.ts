// No "server-only" here: besides the server's own modules, this is loaded by the export's worker thread
// (export-worker.ts), which runs outside React's server graph.
import type { ExportRow } from "@/db/queries/export-rows";
import { csvRow } from "@/lib/format/csv";

export const exportFormats = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A part of the file body, and how many rows it holds. */
export type ExportChunk = { bytes: Uint8Array; rows: number };

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
// Without the BOM, Excel reads UTF-8 CSV as the local code page and mangles Cyrillic names.
const BOM = "\uFEFF";

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
 * The file body, one chunk per batch of rows, each batch read only when its chunk is asked for. The CSV
 * header goes with the first chunk; a file with no rows is that header alone (or nothing, for NDJSON).
 * Ending early (return(), or a failure) releases the batches; they are not released again once they ran out.
 */
export async function* exportChunks(
  batches: AsyncIterator<ExportRow[]>,
  format: ExportFormat,
): AsyncGenerator<ExportChunk> {
  const encoder = new TextEncoder();
  const line = format === "csv" ? csvLine : ndjsonLine;
  let preamble = format === "csv" ? BOM + csvRow([...COLUMNS]) : "";
  let ranOut = false;
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) break;
      let text = preamble;
      for (const row of next.value) text += line(row);
      preamble = "";
      yield { bytes: encoder.encode(text), rows: next.value.length };
    }
    ranOut = true;
  } finally {
    if (!ranOut) await batches.return?.();
  }
  if (preamble) yield { bytes: encoder.encode(preamble), rows: 0 };
}
