import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

export type Row = { what: string; measured: string; target: string; floor: string; ok: boolean | null };

export function table(rows: Row[]): string {
  const lines = ["| what | measured | target | ratio to floor | ok |", "|---|---|---|---|---|"];
  for (const row of rows) lines.push(`| ${row.what} | ${row.measured} | ${row.target} | ${row.floor} | ${row.ok === null ? "—" : row.ok ? "yes" : "**no**"} |`);
  return lines.join("\n");
}

export function sizeTable(rows: { size: number; pageP50: number; pageP99: number; signing: number; exportSeconds: number }[]): string {
  const lines = ["| signatures | petition page p50 / p99 | signing (JSON API) | CSV export |", "|---|---|---|---|"];
  for (const row of rows) {
    lines.push(`| ${row.size.toLocaleString("en")} | ${row.pageP50} / ${row.pageP99} ms | ${Math.round(row.signing)} /s | ${row.exportSeconds.toFixed(2)} s |`);
  }
  return lines.join("\n");
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load generator on the same machine`;
}

/** Puts the latest results into the README between its bench markers. */
export function updateReadme(markdown: string, file = "README.md"): void {
  const readme = readFileSync(file, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (!readme.includes(start) || !readme.includes(end)) return;
  const next = readme.slice(0, readme.indexOf(start) + start.length) + `\n${markdown}\n` + readme.slice(readme.indexOf(end));
  writeFileSync(file, next);
}
