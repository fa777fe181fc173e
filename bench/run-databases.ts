// `npm run bench -- --databases`: the comparison of databases and instances (databases.ts) and the
// million-signature export (database-export.ts) as one report, written into docs/performance.md by a full
// run. Every PostgreSQL database it makes is dropped at the end, also when a step fails or it is interrupted.
// `-- --export-only`: the export alone (generate, db:copy, export on both), printed and not written anywhere.
import { rmSync } from "node:fs";
import { exportOnBothDatabases } from "./database-export";
import { compareDatabases } from "./databases";
import { benchDatabases, postgresVersion } from "./postgres-data";
import { BENCH_TABLE_FILE, machine, table, updateBenchTable } from "./report";
import type { Server } from "./servers";
import type { Settings } from "./setups";
import { loadTable, passes } from "./throughput";

type Options = Pick<Settings, "root" | "port" | "connections" | "readSeconds"> & {
  quick: boolean;
  exportOnly?: boolean;
};

/** Runs it all and prints the report; true when every figure meets its target. */
export async function runDatabasesBench({ quick, exportOnly = false, ...options }: Options): Promise<boolean> {
  const settings: Settings = {
    ...options,
    signSeconds: 5,
    rounds: quick ? 1 : Number(process.env.BENCH_ROUNDS ?? 3),
    databases: benchDatabases(),
    live: new Set<Server>(),
  };
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const server of settings.live) await server.stop();
      const { dropped, failed } = await settings.databases.dropAll();
      console.error(`\nPostgreSQL databases dropped: ${dropped.length ? dropped.join(", ") : "none"}`);
      if (failed.length) console.error(`could NOT drop: ${failed.join(", ")} (drop them by hand)`);
      rmSync(options.root, { recursive: true, force: true });
    })());
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const version = await postgresVersion();
    if (exportOnly) {
      const exported = await exportOnBothDatabases(settings, quick ? 10_000 : 1_000_000);
      console.log(
        `\nMeasured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench -- --export-only\` on ${machine()}, as is PostgreSQL ${version}.\n\n${table(exported)}`,
      );
      return exported.every((row) => row.ok !== false);
    }
    const compared = await compareDatabases(settings);
    const exported = await exportOnBothDatabases(settings, quick ? 10_000 : 1_000_000);
    const pool = process.env.DATABASE_POOL_SIZE ?? "10";
    const report = [
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench -- --databases\` on ${machine()}, as are PostgreSQL ${version} and nginx; ${options.connections} connections. Each setup on a database of its own, all of them started at once, then each in turn, ${settings.rounds} rounds in a different order each: the empty route for ${options.readSeconds} s, signing for ${settings.signSeconds} s from one address and ${settings.signSeconds} s from an address per signer, then confirming every signature left pending (after each load, a wait until the outbox worker has sent what it queued). PostgreSQL pool: ${pool} connections an instance; the round robin is nginx, one worker, no cache.`,
      "",
      loadTable(compared.loads, "ratio"),
      "",
      compared.summary,
      "",
      table([...compared.checks, ...exported]),
    ].join("\n");
    console.log(`\n${report}`);
    if (!quick) {
      updateBenchTable(report, BENCH_TABLE_FILE, "bench-databases");
      console.log(`The databases table in ${BENCH_TABLE_FILE} is updated.`);
    }
    const oks = [...compared.checks, ...exported].map((row) => row.ok);
    return [...oks, ...compared.loads.map(passes)].every((ok) => ok !== false);
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await cleanUp();
  }
}
