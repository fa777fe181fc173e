// Rows for loads measured against a floor of the same run: requests/s, p99, errors, the ratio, the targets.
import type { LoadResult } from "./load";

export type Target = { ratio?: number; p99?: number };

export type LoadRow = {
  what: string;
  result: LoadResult;
  /** Responses other than the expected status, plus socket errors and timeouts. */
  errors: number;
  floor?: { name: string; requestsPerSecond: number };
  target?: Target;
  note?: string;
};

/** Every load must be error-free; the issue's p99 bound holds unless a row sets its own. */
export const P99_MS = 200;

export const rate = (value: number) => `${Math.round(value).toLocaleString("en")}/s`;

/** Errors of a load where every response should have had `expected` status. */
export function unexpected(result: LoadResult, expected: number): number {
  return result.total - (result.statuses.get(expected) ?? 0) + result.errors + result.timeouts;
}

export function ratioOf(row: LoadRow): number | null {
  return row.floor ? row.result.requestsPerSecond / row.floor.requestsPerSecond : null;
}

/** Whether a row meets its targets; null for a floor or a measurement without any. */
export function passes(row: LoadRow): boolean | null {
  if (!row.target) return null;
  const ratio = ratioOf(row);
  const ratioOk = row.target.ratio === undefined || (ratio !== null && ratio >= row.target.ratio);
  return row.errors === 0 && row.result.p99 <= (row.target.p99 ?? P99_MS) && ratioOk;
}

function targetText(target: Target | undefined): string {
  if (!target) return "—";
  const parts = [];
  if (target.ratio !== undefined) parts.push(`≥ ${target.ratio} of the floor`);
  parts.push(`p99 ≤ ${target.p99 ?? P99_MS} ms`, "no errors");
  return parts.join(", ");
}

/** `ratioHeading`: what a row's floor is to it (another configuration's figure is a floor of its own kind). */
export function loadTable(rows: LoadRow[], ratioHeading = "ratio to floor"): string {
  const lines = [
    `| what | requests/s | p99 | errors | ${ratioHeading} | target | ok |`,
    "|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const ratio = ratioOf(row);
    const ok = passes(row);
    lines.push(
      `| ${row.what}${row.note ? ` (${row.note})` : ""} | ${rate(row.result.requestsPerSecond)} | ${row.result.p99} ms | ${row.errors} | ${
        ratio === null ? "—" : `${ratio.toFixed(2)} of ${rate(row.floor!.requestsPerSecond)} (${row.floor!.name})`
      } | ${targetText(row.target)} | ${ok === null ? "—" : ok ? "yes" : "**no**"} |`,
    );
  }
  return lines.join("\n");
}
