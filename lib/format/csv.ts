export type CsvValue = string | number | boolean | null | undefined;

// Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection). Numbers go
// through the same rule as text, so -5 is written '-5: an export is for reading, not for arithmetic, and
// one rule for every cell is easier to trust than a list of exceptions.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: formula starts neutralised with a leading ', then quoted as RFC 4180 requires. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
