// The CSV export of a million signatures through the running server, on SQLite and on PostgreSQL holding the
// same rows: generated into SQLite, then moved with db:copy, whose time is part of the report.
import path from "node:path";
import { copyDatabase } from "@/db/copy";
import { appEnv, prepareDatabase } from "./app-data";
import type { Settings } from "./setups";
import type { Row } from "./report";
import { postgresBackends } from "./postgres-data";
import { exportRun } from "./scenarios";
import { startApp } from "./servers";

const MB = 2 ** 20;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const since = (start: number) => (performance.now() - start) / 1000;

/**
 * Starts one instance with `env`, streams the admin CSV export of every signature through it, stops it.
 * Retention is put off: a pass deleting old unconfirmed rows would otherwise race the export.
 */
async function exportThrough(settings: Settings, env: Record<string, string>, database?: string) {
  const server = await startApp(settings.port, { ...env, RETENTION_UNCONFIRMED_DAYS: "3650" });
  settings.live.add(server);
  try {
    return await exportRun(server, database ? () => postgresBackends(database) : undefined);
  } finally {
    await server.stop();
    settings.live.delete(server);
  }
}

type Exported = Awaited<ReturnType<typeof exportThrough>>;

const cpuText = ({ app, database }: Exported["cpuSeconds"]) =>
  `${(app + database).toFixed(1)} s${database > 0 ? ` (app ${app.toFixed(1)}, PostgreSQL ${database.toFixed(1)})` : ""}`;

function exportRow(what: string, size: number, exported: Exported, floor: string): Row {
  const { before, after, peak } = exported.rss;
  return {
    what: `CSV export of ${size.toLocaleString("en")} signatures (${mb(exported.bytes)}), ${what}`,
    measured: `${exported.seconds.toFixed(1)} s; server RSS ${mb(before)} before, ${mb(after)} after, ${mb(peak)} at peak: +${mb(exported.memoryGrowth)}; CPU ${cpuText(exported.cpuSeconds)}`,
    target: "≤ 20 s, memory growth ≤ 100 MB",
    floor,
    ok: exported.seconds <= 20 && exported.memoryGrowth <= 100 * MB,
  };
}

export async function exportOnBothDatabases(settings: Settings, size: number): Promise<Row[]> {
  const dir = path.join(settings.root, "export");
  const count = size.toLocaleString("en");
  process.stderr.write(
    `\n▶ CSV export of ${count} signatures: generated into SQLite, db:copy to PostgreSQL, both exported\n`,
  );
  let start = performance.now();
  const file = await prepareDatabase(dir, size);
  const generated = since(start);

  // Copied before any server opens the file, so that both databases hold the very same rows.
  const database = await settings.databases.create("export");
  start = performance.now();
  let shown = 0;
  const { tables } = await copyDatabase(file, database.url, (table, done, total) => {
    if (table === "signatures" && (done - shown >= total / 10 || done === total)) {
      shown = done;
      process.stderr.write(`\r  db:copy: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} signatures`);
    }
  });
  const copied = since(start);
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  console.error(`\n  db:copy of ${count} signatures (${rows.toLocaleString("en")} rows) took ${copied.toFixed(1)} s`);

  const sqlite = await exportThrough(settings, appEnv(dir));
  const postgres = await exportThrough(settings, appEnv(dir, { DATABASE_URL: database.url }), database.name);
  for (const [what, exported] of [
    ["SQLite", sqlite],
    ["PostgreSQL", postgres],
  ] as const) {
    const meets = exported.seconds <= 20 && exported.memoryGrowth <= 100 * MB;
    console.error(
      `  ${what}: ${exported.seconds.toFixed(1)} s, +${mb(exported.memoryGrowth)}: ${meets ? "meets" : "does NOT meet"} ≤ 20 s and ≤ 100 MB`,
    );
  }
  return [
    {
      what: `generating ${count} synthetic signatures into SQLite (db/generate-signatures.ts)`,
      measured: `${generated.toFixed(1)} s`,
      target: "—",
      floor: "—",
      ok: null,
    },
    {
      what: `\`db:copy\` of those ${count} signatures, SQLite → PostgreSQL (${rows.toLocaleString("en")} rows in all)`,
      measured: `${copied.toFixed(1)} s, ${Math.round(rows / copied).toLocaleString("en")} rows/s; row counts and counters checked on both sides`,
      target: "—",
      floor: "—",
      ok: null,
    },
    exportRow("SQLite", size, sqlite, "—"),
    exportRow(
      "**PostgreSQL**",
      size,
      postgres,
      `${(postgres.seconds / sqlite.seconds).toFixed(2)} × SQLite's time${postgres.bytes === sqlite.bytes ? ", a file of the same size" : `, ${postgres.bytes - sqlite.bytes} bytes more than SQLite's`}`,
    ),
  ];
}
