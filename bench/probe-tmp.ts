// temporary probing script (not committed)
import { rmSync } from "node:fs";
import { appEnv, prepareDatabase } from "./app-data";
import { getLoad, signingLoad } from "./scenarios";
import { spawn } from "node:child_process";
import { cpuMilliseconds, freePort, processTree, startApp, waitFor } from "./servers";
async function main() {

const dir = "/tmp/probe/run";
rmSync(dir, { recursive: true, force: true });
await prepareDatabase(dir, 0);
const prof = process.env.PROF;
const port = await freePort();
  const app = prof
    ? await (async () => {
        const child = spawn(process.execPath, [...(prof === "sql" ? ["--require", "/tmp/sqltime.js"] : ["--cpu-prof", `--cpu-prof-dir=${prof}`]), "node_modules/next/dist/bin/next", "start", "-p", String(port)], { env: { ...process.env, ...appEnv(dir), ...(process.env.NOCK ? { PROBE_NO_AUTOCKPT: "1" } : {}), PORT: String(port) }, stdio: "inherit" });
        const url = `http://127.0.0.1:${port}`;
        await waitFor(url + "/api/health", 30000, child);
        return { url, port, process: child, log: () => "", stop: () => new Promise<void>((r) => { child.once("exit", () => r()); child.kill("SIGTERM"); }) };
      })()
    : await startApp(port, appEnv(dir, process.env.SEMI ? { NODE_OPTIONS: `--max-semi-space-size=${process.env.SEMI}` } : {}));
const cpu = () => [...cpuMilliseconds(processTree(app.process.pid!)).values()].reduce((a, b) => a + b, 0);
  async function measure(name: string, run: () => Promise<{ requestsPerSecond: number; total: number; p99: number }>) {
  const before = cpu();
  const t0 = process.hrtime.bigint() / 1000n;
  const result = await run();
  console.log(`window ${name} ${t0} ${process.hrtime.bigint() / 1000n} ${result.total}`);
  const used = cpu() - before;
  console.log(`${name}: ${Math.round(result.requestsPerSecond)}/s p99 ${result.p99} ms, server CPU ${(used / result.total).toFixed(3)} ms/request`);
  return result;
}
for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round++) {
  if (process.env.PAGES) for (const page of ["/petitions/moscow-trials", "/ru/petitions/moscow-trials", "/letters/family-letter", "/delegations", "/privacy", "/api/petitions/moscow-trials"]) await measure(page, () => getLoad(app, page, 5, 16));
  if (process.env.PAST) for (const page of ["/privacy", "/petitions/moscow-trials"]) await measure(page + " past", () => getLoad(app, page, 5, 16, { "cache-control": "no-cache" }));
  if (process.env.WARM) { await getLoad(app, "/api/health", 4, 16); await signingLoad(app, "warm", 4, 16); }
  const h = process.env.NOHEALTH ? { requestsPerSecond: 1 } : await measure("health", () => getLoad(app, "/api/health", 5, 16));
  let s = { requestsPerSecond: 0 };
  for (let part = 0; part < Number(process.env.PARTS ?? 1); part++) s = await measure("signing", async () => (await signingLoad(app, `r${round}-${part}`, Number(process.env.SIGN ?? 8), 16)).result);
  if (prof === "sql") { app.process.kill("SIGUSR2"); await new Promise((r) => setTimeout(r, 500)); }
  console.log(`  ratio ${(s.requestsPerSecond / h.requestsPerSecond).toFixed(2)}`);
  // let the outbox drain
  await new Promise((r) => setTimeout(r, 3000));
}
await app.stop();

}
void main();
