// `npm run bench`: builds and starts the production server, loads it from this process over loopback,
// and prints each figure against its target and a floor measured in the same run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { appEnv, counterDrift, missingRows, prepareDatabase } from "./app-data";
import type { LoadResult } from "./load";
import { BENCH_TABLE_FILE, machine, sizeTable, table, updateBenchTable, type Row } from "./report";
import {
  confirmingLoad,
  exportRun,
  getLoad,
  outboxDrain,
  pageDatabaseReads,
  secondsUntilCountShows,
  signingLoad,
} from "./scenarios";
import { startApp, startInsertFloor } from "./servers";

const root = mkdtempSync(path.join(tmpdir(), "delegation-bench-"));
const quick = process.env.BENCH_QUICK === "1"; // shorter runs and smaller sizes, for trying the harness
const SIGN_SECONDS = quick ? 5 : 30;
const READ_SECONDS = quick ? 3 : 10;
const SIZES = quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];
const OUTBOX_EMAILS = quick ? 2_000 : 20_000;
const rows: Row[] = [];

const rate = (value: number) => `${Math.round(value).toLocaleString("en")}/s`;
const ratio = (value: number, floor: number) => `${((value / floor) * 100).toFixed(0)} % of ${rate(floor)}`;
const clean = (result: LoadResult, ok: number) => result.errors === 0 && result.timeouts === 0 && ok === result.total;
const step = (text: string) => console.error(`\n▶ ${text}`);

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    step("building the production server");
    execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  }

  step("floor: bare node:http + one SQLite insert per request");
  const floor = await startInsertFloor(3401, path.join(root, "floor.db"));
  let floorN = 0;
  const { load } = await import("./load");
  const writeFloor = await load({
    url: floor.url,
    connections: 32,
    seconds: SIGN_SECONDS / 3,
    next: () => ({
      method: "POST",
      path: "/",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `floor-${floorN++}@bench.example.org`, name: "Floor" }),
    }),
  });
  await floor.stop();

  step("signing and confirming on a fresh database");
  const live = path.join(root, "live");
  const liveDb = prepareDatabase(live, 0);
  const app = await startApp(3400, appEnv(live));
  const staticFloor = await getLoad(app, "/robots.txt", READ_SECONDS);
  const routeFloor = await getLoad(app, "/api/health", READ_SECONDS); // evidence: the framework's own cost
  const signing = await signingLoad(app, "surge", SIGN_SECONDS);
  const accepted202 = signing.result.statuses.get(202) ?? 0;
  rows.push({
    what: `signing, JSON API, unique emails, 32 connections, ${SIGN_SECONDS} s`,
    measured: `${rate(signing.result.requestsPerSecond)}, p99 ${signing.result.p99} ms, ${signing.result.total - accepted202 + signing.result.errors} errors`,
    target: "≥ 500/s, p99 ≤ 200 ms, no errors",
    floor: `${ratio(signing.result.requestsPerSecond, writeFloor.requestsPerSecond)}; ${ratio(signing.result.requestsPerSecond, routeFloor.requestsPerSecond)} (empty Next route)`,
    ok: signing.result.requestsPerSecond >= 500 && signing.result.p99 <= 200 && clean(signing.result, accepted202),
  });

  const confirming = await confirmingLoad(app, liveDb);
  rows.push({
    what: `confirming (the button's form post), ${confirming.total.toLocaleString("en")} signatures`,
    measured: `${rate(confirming.requestsPerSecond)}, p99 ${confirming.p99} ms, ${confirming.total - confirming.confirmed + confirming.errors} errors`,
    target: "≥ 300/s, no errors",
    floor: `${ratio(confirming.requestsPerSecond, writeFloor.requestsPerSecond)}; ${ratio(confirming.requestsPerSecond, routeFloor.requestsPerSecond)} (empty Next route)`,
    ok: confirming.requestsPerSecond >= 300 && clean(confirming, confirming.confirmed),
  });

  step("reading: the petition page, the count endpoint, a static file");
  const page = await getLoad(app, "/petitions/moscow-trials", READ_SECONDS);
  const reads = await pageDatabaseReads(app, liveDb, "/petitions/moscow-trials");
  const freshness = await secondsUntilCountShows(app, liveDb);
  rows.push({
    what: "petition page, 32 connections",
    measured: `${rate(page.requestsPerSecond)}, p99 ${page.p99} ms; views reading the database ${reads}; new count shown after ${freshness.toFixed(1)} s`,
    target: "≥ 80 % of the static floor; no query per request; count within 10 s",
    floor: ratio(page.requestsPerSecond, staticFloor.requestsPerSecond),
    ok: page.requestsPerSecond >= 0.8 * staticFloor.requestsPerSecond && freshness <= 10 && reads.startsWith("0/"),
  });
  const count = await getLoad(app, "/api/petitions/moscow-trials", READ_SECONDS);
  const cacheControl = (await fetch(`${app.url}/api/petitions/moscow-trials`)).headers.get("cache-control");
  rows.push({
    what: "count endpoint (JSON), 32 connections",
    measured: `${rate(count.requestsPerSecond)}, p99 ${count.p99} ms; Cache-Control: ${cacheControl}`,
    target: "≥ 1,500/s",
    floor: `${ratio(count.requestsPerSecond, staticFloor.requestsPerSecond)}; ${ratio(count.requestsPerSecond, routeFloor.requestsPerSecond)} (empty Next route)`,
    ok: count.requestsPerSecond >= 1500,
  });
  await app.stop();

  const drift = (await counterDrift(liveDb)).filter((row) => row.kept !== row.actual);
  const missing = missingRows(liveDb, signing.accepted);
  rows.push({
    what: "after the signing and confirming load",
    measured: `${drift.length} counters off a recount; ${missing} of ${signing.accepted.length.toLocaleString("en")} accepted signatures missing`,
    target: "counters equal a recount; every 202 has its row",
    floor: "—",
    ok: drift.length === 0 && missing === 0,
  });

  step("cost with size: page latency, signing rate, export time");
  const sizes = [];
  for (const size of SIZES) {
    const dir = path.join(root, `size-${size}`);
    prepareDatabase(dir, size);
    const server = await startApp(3402, appEnv(dir));
    const sizedPage = await getLoad(server, "/petitions/moscow-trials", quick ? 2 : 5, 8);
    const sizedSigning = await signingLoad(server, `size-${size}`, quick ? 2 : 5);
    const exported = await exportRun(server);
    await server.stop();
    sizes.push({
      size,
      pageP50: sizedPage.p50,
      pageP99: sizedPage.p99,
      signing: sizedSigning.result.requestsPerSecond,
      exportSeconds: exported.seconds,
    });
    if (size === SIZES.at(-1)) {
      rows.push({
        what: `CSV export of ${size.toLocaleString("en")} signatures (${(exported.bytes / 2 ** 20).toFixed(0)} MB)`,
        measured: `${exported.seconds.toFixed(1)} s, server memory +${(exported.memoryGrowth / 2 ** 20).toFixed(0)} MB`,
        target: "≤ 20 s, memory growth ≤ 100 MB",
        floor: "—",
        ok: exported.seconds <= 20 && exported.memoryGrowth <= 100 * 2 ** 20,
      });
    }
    rmSync(dir, { recursive: true, force: true });
  }

  step(
    `outbox: ${OUTBOX_EMAILS.toLocaleString("en")} queued emails through the resend SDK, stub allowing 5 requests/s`,
  );
  const outboxDir = path.join(root, "outbox");
  prepareDatabase(outboxDir, OUTBOX_EMAILS, { pendingWithOutbox: true });
  const drained = await outboxDrain(outboxDir, 3403, OUTBOX_EMAILS);
  rows.push({
    what: `outbox draining ${OUTBOX_EMAILS.toLocaleString("en")} emails (${drained.requests} requests)`,
    measured: `${rate(drained.emailsPerSecond)} in ${drained.seconds.toFixed(1)} s; ${drained.accepted.toLocaleString("en")} accepted`,
    target: "≥ 90 % of the stub's allowed rate",
    floor: ratio(drained.emailsPerSecond, drained.allowed),
    ok: drained.accepted === OUTBOX_EMAILS && drained.emailsPerSecond >= 0.9 * drained.allowed,
  });

  const report = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}.`,
    `Floors in the same run: a bare node:http server with one SQLite insert per request took ${rate(writeFloor.requestsPerSecond)}; \`next start\` served a static file from \`public/\` at ${rate(staticFloor.requestsPerSecond)}, and a dynamic route handler that does nothing (\`/api/health\`) at ${rate(routeFloor.requestsPerSecond)} (p99 ${routeFloor.p99} ms).`,
    "",
    table(rows),
    "",
    sizeTable(sizes),
  ].join("\n");
  console.log(`\n${report}`);
  rmSync(root, { recursive: true, force: true });
  if (!quick) {
    updateBenchTable(report);
    console.log(`The table in ${BENCH_TABLE_FILE} is updated.`);
  }
  process.exitCode = rows.every((row) => row.ok !== false) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
