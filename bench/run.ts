// `npm run bench`: builds and starts the production server, loads it from this process over loopback,
// and prints each figure against its target and a floor measured in the same run. With `-- --databases`,
// SQLite against PostgreSQL and one instance against two instead (run-databases.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  appEnv,
  counterDrift,
  missingRows,
  outboxBacklog,
  outboxSettled,
  pendingTokens,
  prepareDatabase,
} from "./app-data";
import { combineLoads, load, type LoadResult } from "./load";
import { FLOOR_PREFIX, nginxBinary, startNginx } from "./nginx";
import { BENCH_TABLE_FILE, machine, sizeTable, table, updateBenchTable, type Row } from "./report";
import {
  confirmingLoad,
  exportRun,
  getLoad,
  outboxDrain,
  pageDatabaseReads,
  privateProbes,
  probeTwice,
  secondsUntilCountShows,
  signingLoad,
} from "./scenarios";
import { runDatabasesBench } from "./run-databases";
import { startApp, startInsertFloor } from "./servers";
import { loadTable, passes, rate, unexpected, type LoadRow, type Target } from "./throughput";

const root = mkdtempSync(path.join(tmpdir(), "delegation-bench-"));
const quick = process.env.BENCH_QUICK === "1"; // shorter runs and smaller sizes, for trying the harness
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const READ_SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
const SIGN_SECONDS = quick ? 5 : 15;
const WARM_UP_SECONDS = quick ? 1 : 3;
const SIGN_TURNS = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3400); // the bench uses this port and the next five (--databases: six)
const SIZES = quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];
const OUTBOX_EMAILS = quick ? 2_000 : 20_000;
const PETITION = "/petitions/moscow-trials";
const rows: Row[] = [];
/** A hard reload's header: server/public/page-copies.ts sends it to Next. */
const PAST_COPIES = { "cache-control": "no-cache" };
const loads: LoadRow[] = [];
const nginxLoads: LoadRow[] = [];

/** The public pages: what a surge of readers reaches, each in English and Russian. */
const PUBLIC_PAGES: { what: string; path: string; target?: Target }[] = [
  { what: "home page", path: "/" },
  { what: "home page, Russian", path: "/ru" },
  { what: "**petition page**", path: PETITION, target: { ratio: 0.45 } },
  { what: "**petition page, Russian**", path: `/ru${PETITION}`, target: { ratio: 0.45 } },
  { what: "letter page", path: "/letters/family-letter" },
  { what: "letter page, Russian", path: "/ru/letters/family-letter" },
  { what: "delegations index", path: "/delegations" },
  { what: "delegation page", path: "/delegations/moscow-1989" },
  { what: "delegation page, Russian", path: "/ru/delegations/moscow-1989" },
  { what: "privacy page", path: "/privacy" },
  { what: "privacy page, Russian", path: "/ru/privacy" },
];

const ratio = (value: number, floor: number) => `${((value / floor) * 100).toFixed(0)} % of ${rate(floor)}`;
const size = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(0)} KB`);
const bodyBytes = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;
const cacheShares = (statuses = new Map<string, number>()) => {
  const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  const shares = [...statuses]
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${status} ${((n / total) * 100).toFixed(1)} %`);
  return shares.length ? shares.join(", ") : "no X-Cache-Status";
};
const step = (text: string) => console.error(`\n▶ ${text}`);
// Pages, signing, confirming and nginx only: no sizes, no outbox (a few minutes instead of a quarter hour).
const surgeOnly = process.env.BENCH_SURGE_ONLY === "1";

function build() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    step("building the production server");
    execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  }
}

async function main() {
  build();

  step("floor: bare node:http + one SQLite insert per request");
  const floor = await startInsertFloor(PORT + 1, path.join(root, "floor.db"));
  let floorN = 0;
  const writeFloor = await load({
    url: floor.url,
    connections: CONNECTIONS,
    seconds: READ_SECONDS,
    next: () => ({
      method: "POST",
      path: "/",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `floor-${floorN++}@bench.example.org`, name: "Floor" }),
    }),
  });
  await floor.stop();

  step(`floors, ${CONNECTIONS} connections, ${READ_SECONDS} s each: a file from public/, an empty route`);
  const live = path.join(root, "live");
  const liveDb = await prepareDatabase(live, 0);
  const app = await startApp(PORT, appEnv(live));
  // A process just started runs its first few thousand requests through unoptimised code: the floors are
  // measured warm, as everything after them is, or their first seconds would flatter every ratio below.
  for (const warm of ["/robots.txt", "/api/health"]) await getLoad(app, warm, WARM_UP_SECONDS, CONNECTIONS);
  const staticLoad = await getLoad(app, "/robots.txt", READ_SECONDS, CONNECTIONS);
  const staticFloor = { name: "static file", requestsPerSecond: staticLoad.requestsPerSecond };
  const routeLoad = await getLoad(app, "/api/health", READ_SECONDS, CONNECTIONS); // the framework's own cost
  loads.push(
    {
      what: "floor: `next start`, a file from `public/` (`/robots.txt`)",
      result: staticLoad,
      errors: unexpected(staticLoad, 200),
    },
    {
      what: "floor: `next start`, an empty route (`/api/health`)",
      result: routeLoad,
      errors: unexpected(routeLoad, 200),
    },
  );
  // What proxy.ts costs where it runs: a cached page (which its matcher leaves out), then the same page with
  // a content-type header, which makes the matcher take it. The JSON API never reaches the proxy. Both ask
  // past the page copies (no-cache), so that both take Next's path.
  const unproxied = await getLoad(app, "/privacy", READ_SECONDS, CONNECTIONS, PAST_COPIES);
  const proxied = await getLoad(app, "/privacy", READ_SECONDS, CONNECTIONS, {
    ...PAST_COPIES,
    "content-type": "text/plain",
  });
  const proxyMs = 1000 / proxied.requestsPerSecond - 1000 / unproxied.requestsPerSecond;
  loads.push({
    what: "proxy cost: the privacy page with a `content-type` header, so proxy.ts runs for it",
    result: proxied,
    errors: unexpected(proxied, 200),
    floor: { name: "the same page without the proxy", requestsPerSecond: unproxied.requestsPerSecond },
    note: `≈ ${proxyMs.toFixed(2)} ms of server time per request more than without the proxy`,
  });

  step("public pages");
  for (const page of PUBLIC_PAGES) {
    const result = await getLoad(app, page.path, READ_SECONDS, CONNECTIONS);
    loads.push({
      what: `${page.what} \`${page.path}\`${result.status === 200 ? "" : ` (answers ${result.status})`}`,
      result,
      errors: unexpected(result, result.status),
      floor: staticFloor,
      target: page.target ?? {},
    });
  }
  // The same page from Next's own page cache: what a hard reload (and every instance without the copies) gets.
  const pastCopies = await getLoad(app, PETITION, READ_SECONDS, CONNECTIONS, PAST_COPIES);
  loads.push({
    what: `petition page past the page copies (\`Cache-Control: no-cache\`): Next's page cache \`${PETITION}\``,
    result: pastCopies,
    errors: unexpected(pastCopies, 200),
    floor: staticFloor,
    target: {},
  });
  const count = await getLoad(app, "/api/petitions/moscow-trials", READ_SECONDS, CONNECTIONS);
  const countCacheControl = (await fetch(`${app.url}/api/petitions/moscow-trials`)).headers.get("cache-control");
  loads.push({
    what: "count endpoint `/api/petitions/moscow-trials`",
    result: count,
    errors: unexpected(count, 200),
    floor: staticFloor,
    target: {},
    note: `Cache-Control: ${countCacheControl}`,
  });

  // The machine's speed drifts over a run by more than the targets' margins: each write load is set against
  // the empty route measured beside it, in turns, rather than against the floor measured minutes before.
  step("signing and confirming on a fresh database, in turns with the empty route");
  await signingLoad(app, "warm-up", WARM_UP_SECONDS, CONNECTIONS);
  const beside: LoadResult[] = [];
  const signingTurns: Awaited<ReturnType<typeof signingLoad>>[] = [];
  const emptyRoute = async () => {
    await outboxSettled(() => outboxBacklog(liveDb), "beside the writes"); // its emails are the writes' cost
    beside.push(await getLoad(app, "/api/health", READ_SECONDS, CONNECTIONS));
  };
  for (let turn = 0; turn < SIGN_TURNS; turn++) {
    await emptyRoute();
    signingTurns.push(await signingLoad(app, `surge-${turn}`, SIGN_SECONDS / SIGN_TURNS, CONNECTIONS));
  }
  await outboxSettled(() => outboxBacklog(liveDb), "before confirming"); // every signature's email has gone
  const confirming = await confirmingLoad(app, pendingTokens(liveDb), CONNECTIONS);
  await emptyRoute();
  const besideLoad = combineLoads(beside);
  const besideFloor = { name: "empty route beside it", requestsPerSecond: besideLoad.requestsPerSecond };
  const signing = {
    result: combineLoads(signingTurns.map((turn) => turn.result)),
    accepted: signingTurns.flatMap((turn) => turn.accepted),
  };
  loads.push(
    {
      what: `floor for the writes: the empty route, ${beside.length} × ${READ_SECONDS} s in turns with them`,
      result: besideLoad,
      errors: unexpected(besideLoad, 200),
    },
    {
      what: `signing, JSON API, unique emails, ${SIGN_TURNS} × ${SIGN_SECONDS / SIGN_TURNS} s`,
      result: signing.result,
      errors: unexpected(signing.result, 202),
      floor: besideFloor,
      target: { ratio: 0.6 },
      note: `in turns, each against the empty route just before it: ${signingTurns
        .map((turn, index) => (turn.result.requestsPerSecond / beside[index].requestsPerSecond).toFixed(2))
        .join(", ")}`,
    },
    {
      what: `confirming (the button's form post), ${confirming.total.toLocaleString("en")} signatures`,
      result: confirming,
      errors: unexpected(confirming, 303),
      floor: besideFloor,
      target: { ratio: 0.5 },
    },
  );

  step("the petition page's data: database reads and freshness");
  const reads = await pageDatabaseReads(app, liveDb, PETITION);
  const freshness = await secondsUntilCountShows(app, liveDb);
  rows.push({
    what: "petition page's data",
    measured: `views reading the database ${reads}; new count shown after ${freshness.toFixed(1)} s`,
    target: "no query per request; count within 10 s",
    floor: "—",
    ok: freshness <= 10 && reads.startsWith("0/"),
  });

  if (nginxBinary()) {
    step("nginx in front (docs/nginx.conf): each petition page beside a static copy of it, what passes through");
    // Each page's floor is a static copy of it (its size, its type) that nginx serves from disk.
    const floorDir = path.join(root, "nginx-floor");
    mkdirSync(floorDir);
    const nginx = await startNginx({ port: PORT + 5, appPort: app.port, floorDir });
    try {
      const nginxStatic = await getLoad(nginx, "/robots.txt", READ_SECONDS, CONNECTIONS);
      nginxLoads.push({
        what: "nginx serving `public/robots.txt` from disk (for scale, not a floor)",
        result: nginxStatic,
        errors: unexpected(nginxStatic, 200),
      });
      for (const [index, page] of [PETITION, `/ru${PETITION}`].entries()) {
        const copy = `page-${index}.html`;
        writeFileSync(path.join(floorDir, copy), Buffer.from(await (await fetch(app.url + page)).arrayBuffer()));
        const floorLoad = await getLoad(nginx, FLOOR_PREFIX + copy, READ_SECONDS, CONNECTIONS);
        const nginxFloor = { name: "nginx, the page's static copy", requestsPerSecond: floorLoad.requestsPerSecond };
        nginxLoads.push({
          what: `floor: nginx serving a static copy of \`${page}\` from disk`,
          result: floorLoad,
          errors: unexpected(floorLoad, 200),
          note: size(await bodyBytes(nginx.url + FLOOR_PREFIX + copy)),
        });
        const second = await probeTwice(nginx, [{ what: page, path: page }]);
        const result = await getLoad(nginx, page, READ_SECONDS, CONNECTIONS);
        nginxLoads.push({
          what: `**petition page through nginx** \`${page}\``,
          result,
          errors: unexpected(result, 200),
          floor: nginxFloor,
          target: { ratio: 0.8 },
          note: `second request: X-Cache-Status ${second[0].statuses[1] ?? "none"}; during the load ${cacheShares(result.cacheStatuses)}; ${size(await bodyBytes(nginx.url + page))} a response`,
        });
      }
      const token = pendingTokens(liveDb)[0] ?? "no-pending-token";
      const probes = await probeTwice(nginx, privateProbes(nginx, token));
      const cached = probes.filter((probe) => probe.statuses.some((status) => status !== null));
      const reRendered = probes.filter((probe) => probe.renderedTwice !== null);
      rows.push({
        what: "through nginx, each twice: " + probes.map((probe) => probe.what).join(", "),
        measured: `${probes.map((probe) => `${probe.what}: ${probe.codes.join("/")}, cache ${probe.statuses[1] ?? "off"}`).join("; ")}; pages rendered anew the second time (new CSP nonce): ${reRendered.filter((probe) => probe.renderedTwice).length} of ${reRendered.length}`,
        target: "none from nginx's cache; every page rendered by the app each time",
        floor: "—",
        ok: cached.length === 0 && reRendered.every((probe) => probe.renderedTwice),
      });
    } finally {
      await nginx.stop();
    }
  } else {
    rows.push({
      what: "nginx in front",
      measured: "not measured: nginx is not installed",
      target: "—",
      floor: "—",
      ok: null,
    });
  }
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
  for (const size of surgeOnly ? [] : SIZES) {
    const dir = path.join(root, `size-${size}`);
    await prepareDatabase(dir, size);
    const server = await startApp(PORT + 2, appEnv(dir));
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

  if (!surgeOnly) await outbox();

  const report = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}; ${CONNECTIONS} connections, ${READ_SECONDS} s per read load.`,
    `Floors in the same run: a bare node:http server with one SQLite insert per request took ${rate(writeFloor.requestsPerSecond)}; \`next start\` served a static file from \`public/\` at ${rate(staticFloor.requestsPerSecond)}, and a dynamic route handler that does nothing (\`/api/health\`) at ${rate(routeLoad.requestsPerSecond)} (p99 ${routeLoad.p99} ms).`,
    "",
    loadTable(loads),
    "",
    "With nginx in front ([docs/nginx.conf](nginx.conf), one worker process):",
    "",
    nginxLoads.length ? loadTable(nginxLoads) : "nginx is not installed: not measured.",
    "",
    table(rows),
    ...(sizes.length ? ["", sizeTable(sizes)] : []),
  ].join("\n");
  console.log(`\n${report}`);
  rmSync(root, { recursive: true, force: true });
  if (!quick) {
    updateBenchTable(report);
    console.log(`The table in ${BENCH_TABLE_FILE} is updated.`);
  }
  const all = [...rows.map((row) => row.ok), ...[...loads, ...nginxLoads].map(passes)];
  process.exitCode = all.every((ok) => ok !== false) ? 0 : 1;
}

async function outbox() {
  step(
    `outbox: ${OUTBOX_EMAILS.toLocaleString("en")} queued emails through the resend SDK, stub allowing 5 requests/s`,
  );
  const outboxDir = path.join(root, "outbox");
  await prepareDatabase(outboxDir, OUTBOX_EMAILS, { pendingWithOutbox: true });
  const drained = await outboxDrain(outboxDir, PORT + 3, OUTBOX_EMAILS);
  rows.push({
    what: `outbox draining ${OUTBOX_EMAILS.toLocaleString("en")} emails (${drained.requests} requests)`,
    measured: `${rate(drained.emailsPerSecond)} in ${drained.seconds.toFixed(1)} s; ${drained.accepted.toLocaleString("en")} accepted`,
    target: "≥ 90 % of the stub's allowed rate",
    floor: ratio(drained.emailsPerSecond, drained.allowed),
    ok: drained.accepted === OUTBOX_EMAILS && drained.emailsPerSecond >= 0.9 * drained.allowed,
  });
}

const { values: options } = parseArgs({
  options: { databases: { type: "boolean", default: false }, "export-only": { type: "boolean", default: false } },
});

async function databases() {
  build();
  const exportOnly = options["export-only"];
  const settings = { root, quick, exportOnly, port: PORT, connections: CONNECTIONS, readSeconds: READ_SECONDS };
  process.exitCode = (await runDatabasesBench(settings)) ? 0 : 1;
}

(options.databases || options["export-only"] ? databases : main)().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
