// `npm run bench:js`: the JavaScript the petition page makes a reader download, against a bare Next 16 page
// with one client form (bench/bare-next, built here with this project's own next and react), and
// Lighthouse's mobile performance score of both (median of several runs: single runs vary by 20 points).
import { chromium, type Browser } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { appEnv, prepareDatabase } from "./app-data";
import { BENCH_TABLE_FILE, machine, updateBenchTable } from "./report";
import { freePort, startApp, startNextIn } from "./servers";

const quick = process.env.BENCH_QUICK === "1";
const PORT = Number(process.env.BENCH_PORT ?? 3400); // this port and the next
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? (quick ? 1 : 5));
const KB = 1024;
const BUDGET = 15 * KB; // our own code's allowance over the bare page (issue 11)
const LIGHTHOUSE_MARGIN = 5;
const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));
const browserArgs = process.getuid?.() === 0 ? ["--no-sandbox"] : [];

const step = (text: string) => console.error(`\n▶ ${text}`);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

type Bytes = { compressed: number; raw: number; files: number; prefetches: number };

/** Builds bench/bare-next in a temporary folder that borrows this project's node_modules. */
function buildBare(dir: string) {
  cpSync("bench/bare-next", dir, { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
  // Turbopack compiles nothing outside its root; the borrowed node_modules lie outside the temporary folder.
  writeFileSync(path.join(dir, "next.config.mjs"), 'export default { turbopack: { root: "/" } };\n');
  execFileSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/** Loads a page as a phone would and adds up the scripts it fetched (bytes on the wire and unpacked). */
async function scriptBytes(browser: Browser, url: string): Promise<Bytes> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const bytes: Bytes = { compressed: 0, raw: 0, files: 0, prefetches: 0 };
  page.on("requestfinished", (request) => {
    if (request.url().includes("_rsc=")) bytes.prefetches++;
    if (request.resourceType() !== "script") return;
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const body = await (await request.response())?.body();
        bytes.compressed += sizes.responseBodySize;
        bytes.raw += body?.byteLength ?? 0;
        bytes.files++;
      })(),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  await context.close();
  return bytes;
}

/** Lighthouse's performance score (mobile preset, the default), each run in a browser of its own. */
async function lighthouseScores(url: string, runs: number): Promise<number[]> {
  const { default: lighthouse } = await import("lighthouse");
  const scores: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const browser = await chromium.launch({
      executablePath,
      args: [...browserArgs, `--remote-debugging-port=${port}`],
    });
    try {
      const result = await lighthouse(url, {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
      });
      const score = result?.lhr.categories.performance?.score;
      if (typeof score !== "number") throw new Error(`Lighthouse gave no performance score for ${url}`);
      scores.push(Math.round(score * 100));
    } finally {
      await browser.close();
    }
  }
  return scores;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const root = mkdtempSync(path.join(tmpdir(), "delegation-bench-js-"));
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    step("building the production server");
    execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  }
  step("building the bare Next page (bench/bare-next) with this project's next and react");
  const bareDir = path.join(root, "bare-next");
  buildBare(bareDir);

  await prepareDatabase(path.join(root, "app"), 0);
  const app = await startApp(PORT, appEnv(path.join(root, "app")));
  const bare = await startNextIn(bareDir, PORT + 1);
  const pages = [
    { what: "bare Next 16 page with one client form", url: `${bare.url}/` },
    { what: "petition page", url: `${app.url}/petitions/moscow-trials` },
    { what: "petition page, Russian", url: `${app.url}/ru/petitions/moscow-trials` },
  ];
  const results = [];
  try {
    step("JavaScript each page loads, in Chromium with a phone's viewport");
    const browser = await chromium.launch({ executablePath, args: browserArgs });
    for (const page of pages) {
      await fetch(page.url); // fills the caches
      results.push({ ...page, bytes: await scriptBytes(browser, page.url), scores: [] as number[] });
    }
    await browser.close();
    step(`Lighthouse 12, mobile preset, ${LIGHTHOUSE_RUNS} runs a page`);
    for (const result of results) result.scores = await lighthouseScores(result.url, LIGHTHOUSE_RUNS);
  } finally {
    await app.stop();
    await bare.stop();
    rmSync(root, { recursive: true, force: true });
  }

  const [baseline, ...ours] = results;
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}; Chromium ${executablePath ?? "(Playwright's)"}, Lighthouse 12.2.3, ${LIGHTHOUSE_RUNS} runs a page.`,
    "",
    "| page | JavaScript, compressed (raw), files | RSC fetches after load | over the bare page (target ≤ 15 KB) | Lighthouse performance, median (runs) | within 5 points of the bare page | ok |",
    "|---|---|---|---|---|---|---|",
  ];
  let ok = true;
  for (const result of results) {
    const over = result.bytes.compressed - baseline.bytes.compressed;
    const score = median(result.scores);
    const baseScore = median(baseline.scores);
    const isBaseline = result === baseline;
    const pass = isBaseline || (over <= BUDGET && score >= baseScore - LIGHTHOUSE_MARGIN);
    ok &&= pass;
    lines.push(
      `| ${result.what} | ${kb(result.bytes.compressed)} (${kb(result.bytes.raw)}), ${result.bytes.files} | ${result.bytes.prefetches} | ${isBaseline ? "—" : `${over >= 0 ? "+" : ""}${kb(over)}`} | ${score} (${result.scores.join(", ")}) | ${isBaseline ? "—" : score >= baseScore - LIGHTHOUSE_MARGIN ? "yes" : "no"} | ${isBaseline ? "—" : pass ? "yes" : "**no**"} |`,
    );
  }
  const report = lines.join("\n");
  console.log(`\n${report}`);
  if (!quick) {
    updateBenchTable(report, BENCH_TABLE_FILE, "bench-js");
    console.log(`The JavaScript table in ${BENCH_TABLE_FILE} is updated.`);
  }
  process.exitCode = ours.length && ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
