// No "server-only" here: besides the server's own modules, this is loaded by the export's worker thread
// (export-worker.ts), which runs outside React's server graph.
import type { ExportRow } from "@/db/queries/export-rows";
import { csvCell, csvRow } from "@/lib/format/csv";
import { isoTimestamp } from "@/lib/format/iso-timestamp";

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

// One template rather than csvRow's array of cells: a million rows, and this is the loop they all go through.
function csvLine(row: ExportRow): string {
  return `${csvCell(row.document)},${csvCell(row.name)},${csvCell(row.email)},${csvCell(row.country)},${csvCell(row.city)},${csvCell(row.comment)},${csvCell(row.display)},${row.updates ? "yes" : "no"},${csvCell(row.state)},${csvCell(isoTimestamp(row.created.getTime()))},${csvCell(row.confirmed && isoTimestamp(row.confirmed.getTime()))},${csvCell(row.organisation)},${csvCell(row.role)},${csvCell(row.textVersion)},${csvCell(row.language)},${csvCell(row.source)},${csvCell(row.confirmedBy)}\r\n`;
}

function ndjsonLine(row: ExportRow): string {
  const record = { ...row, created: row.created.toISOString(), confirmed: row.confirmed?.toISOString() ?? null };
  return `${JSON.stringify(record, COLUMNS as unknown as string[])}\n`;
}

/**
 * Text to UTF-8 through a buffer kept from one chunk to the next: TextEncoder's encodeInto and a copy of the
 * bytes written take about half the time of encode(), which sizes and allocates its result for each chunk.
 */
function utf8Encoder(): (text: string) => Uint8Array {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(0);
  return (text) => {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair, two units, takes 4).
    if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
    const { written } = encoder.encodeInto(text, buffer);
    return buffer.slice(0, written);
  };
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
  const encode = utf8Encoder();
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
      yield { bytes: encode(text), rows: next.value.length };
    }
    ranOut = true;
  } finally {
    if (!ranOut) await batches.return?.();
  }
  if (preamble) yield { bytes: encode(preamble), rows: 0 };
}
