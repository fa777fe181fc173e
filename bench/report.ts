import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

export type Row = { what: string; measured: string; target: string; floor: string; ok: boolean | null };

export function table(rows: Row[]): string {
  const lines = ["| what | measured | target | ratio to floor | ok |", "|---|---|---|---|---|"];
  for (const row of rows)
    lines.push(
      `| ${row.what} | ${row.measured} | ${row.target} | ${row.floor} | ${row.ok === null ? "—" : row.ok ? "yes" : "**no**"} |`,
    );
  return lines.join("\n");
}

export function sizeTable(
  rows: { size: number; pageP50: number; pageP99: number; signing: number; exportSeconds: number }[],
): string {
  const lines = ["| signatures | petition page p50 / p99 | signing (JSON API) | CSV export |", "|---|---|---|---|"];
  for (const row of rows) {
    lines.push(
      `| ${row.size.toLocaleString("en")} | ${row.pageP50} / ${row.pageP99} ms | ${Math.round(row.signing)} /s | ${row.exportSeconds.toFixed(2)} s |`,
    );
  }
  return lines.join("\n");
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load generator on the same machine`;
}

/** Where the latest results are kept, between markers; the rest of the page is left as it is. */
export const BENCH_TABLE_FILE = "docs/performance.md";

/**
 * Puts the latest results between the `<!-- {block}:start -->` and `<!-- {block}:end -->` markers of the
 * performance page (or of another file): "bench" for `npm run bench`, "bench-js" for `npm run bench:js`.
 */
export function updateBenchTable(markdown: string, file = BENCH_TABLE_FILE, block = "bench"): void {
  const START = `<!-- ${block}:start -->`;
  const END = `<!-- ${block}:end -->`;
  const page = readFileSync(file, "utf8");
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  // Fail loudly: a page that lost its markers would otherwise keep a stale table without anyone noticing.
  if (start === -1 || end < start) throw new Error(`${file} has no ${START} … ${END} block for the bench table`);
  writeFileSync(file, `${page.slice(0, start + START.length)}\n${markdown}\n${page.slice(end)}`);
}
