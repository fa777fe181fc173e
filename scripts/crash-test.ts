// `npm run test:crash` (after `npm run build`): starts the production server on fresh files, signs and
// confirms under load, SIGKILLs the server mid-load, restarts it on the same files, and checks that nothing
// accepted was lost, the counters are exact and every queued email went out exactly once.
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { appEnv, counterDrift, missingRows, pendingTokens } from "@/bench/app-data";
import { confirmRequest } from "@/bench/scenarios";
import { processTree, startApp, type Server } from "@/bench/servers";
import { hashToken } from "@/lib/security/tokens";
import { startResendStub } from "@/tests/resend-stub";

const CONNECTIONS = 16;
// The kill comes after this many signatures were accepted, or this long into the load on a slow machine.
const KILL_AFTER_ACCEPTED = 300;
const KILL_AFTER_MS = 5_000;
const LOAD_LIMIT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 10_000;
const DRAIN_LIMIT_MS = 30_000;
const WATCHDOG_MS = 100_000;
const WARM_UP_SIGNERS = 120; // pending signatures to confirm during the load

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (text: string) => console.log(`[${elapsed()}] ${text}`);
const failures: string[] = [];
const check = (ok: boolean, text: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${text}`);
  if (!ok) failures.push(text);
};

async function freePort(): Promise<number> {
  if (process.env.CRASH_PORT) return Number(process.env.CRASH_PORT);
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const signRequest = (email: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "Crash Tester", email, country: "DE", city: "Berlin", display: "full" }),
});

type Tally = { signed: string[]; confirmed: string[]; unanswered: number; other: Map<string, number> };

/**
 * `CONNECTIONS` clients sign (and confirm the warm-up signatures) one request after another until the
 * server stops answering or time runs out; `onProgress` may kill the server meanwhile.
 */
async function loadUntilDown(server: Server, tokens: string[], onProgress: (tally: Tally) => void): Promise<Tally> {
  const tally: Tally = { signed: [], confirmed: [], unanswered: 0, other: new Map() };
  let n = 0;
  const deadline = Date.now() + LOAD_LIMIT_MS;
  const client = async () => {
    while (Date.now() < deadline) {
      const token = n % 3 === 0 ? tokens.pop() : undefined;
      const email = `crash-${n++}@example.org`;
      const request = token
        ? confirmRequest(server, token)
        : { path: "/api/petitions/moscow-trials/signatures", ...signRequest(email) };
      let response: Response;
      try {
        response = await fetch(`${server.url}${request.path}`, {
          ...request,
          redirect: "manual",
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await response.arrayBuffer();
      } catch {
        tally.unanswered++; // in flight when the server died (or refused after): it may or may not have been stored
        return;
      }
      const location = response.headers.get("location") ?? "";
      if (token && response.status === 303 && /\/thanks(\?|$)/.test(location)) tally.confirmed.push(token);
      else if (!token && response.status === 202) tally.signed.push(email);
      else {
        const key = `${token ? "confirm" : "sign"} ${response.status}${location ? ` → ${location.replace(/\/confirm\/.*/, "/confirm/…")}` : ""}`;
        tally.other.set(key, (tally.other.get(key) ?? 0) + 1);
      }
      onProgress(tally);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  return tally;
}

function holdsFile(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

function isGone(pid: number): boolean {
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8")); // a zombie has stopped for good
  } catch {
    return true;
  }
}

/** SIGKILL for the server and every process under it: no shutdown hook, no final checkpoint. */
function killTree(server: Server, database: string): { pids: number[]; dbHolders: number[] } {
  const pids = processTree(server.process.pid!);
  const dbHolders = pids.filter((pid) => holdsFile(pid, database));
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return { pids, dbHolders };
}

function readOnly<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  db.pragma("busy_timeout = 5000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

async function main() {
  setTimeout(() => {
    console.error(`crash test: no result after ${WATCHDOG_MS / 1000} s, giving up`);
    for (const pid of processTree(process.pid).slice(1)) process.kill(pid, "SIGKILL"); // the servers it started
    process.exit(3);
  }, WATCHDOG_MS).unref();
  const dir = mkdtempSync(path.join(tmpdir(), "delegation-crash-"));
  const database = path.join(dir, "app.db");
  const stub = await startResendStub([], { latencyMs: 100, keepBodies: false });
  const port = await freePort();
  const env = appEnv(dir, { RESEND_API_KEY: "re_crash_test", RESEND_BASE_URL: stub.url, MAIL_RETRY_BASE_MS: "200" });
  let server: Server | undefined;
  try {
    log(`starting next start on port ${port}, database ${database}, emails to the Resend stub`);
    server = await startApp(port, env);
    log(`ready; signing ${WARM_UP_SIGNERS} warm-up signatures to confirm during the load`);
    const warmUp = async (first: number) => {
      for (let i = first; i < WARM_UP_SIGNERS; i += 8) {
        const response = await fetch(
          `${server!.url}/api/petitions/moscow-trials/signatures`,
          signRequest(`warm-up-${i}@example.org`),
        );
        if (response.status !== 202) throw new Error(`warm-up signing answered ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, first) => warmUp(first)));
    const tokens = pendingTokens(database).reverse();

    log(
      `loading with ${CONNECTIONS} connections; SIGKILL after ${KILL_AFTER_ACCEPTED} signatures accepted or ${KILL_AFTER_MS / 1000} s`,
    );
    let killed: ReturnType<typeof killTree> | undefined;
    const victim = server;
    const exited = new Promise((resolve) => victim.process.once("exit", resolve));
    const loadStart = Date.now();
    const kill = () => {
      killed = killTree(victim, database);
      log(`SIGKILL → pids ${killed.pids.join(", ")} (${killed.dbHolders.join(", ") || "none"} had the database open)`);
    };
    const tally = await loadUntilDown(server, tokens, (progress) => {
      if (!killed && (progress.signed.length >= KILL_AFTER_ACCEPTED || Date.now() - loadStart >= KILL_AFTER_MS)) kill();
    });
    const midLoad = Boolean(killed);
    if (!killed) kill();
    await exited;
    check(
      midLoad && tally.unanswered > 0,
      `the server was killed mid-load (${tally.signed.length} signed, ${tally.confirmed.length} confirmed, ${tally.unanswered} requests cut off)`,
    );
    check(
      Boolean(killed?.dbHolders.length) && killed!.pids.every(isGone),
      "the process that had the database open is gone",
    );
    check(
      tally.other.size === 0,
      `no other answers before the kill${tally.other.size ? `: ${JSON.stringify([...tally.other])}` : ""}`,
    );
    const leftOver = readdirSync(dir).filter((file) => file.startsWith("app.db-"));
    const queuedAtKill = readOnly(database, (db) =>
      db.prepare("select status, count(*) as n from outbox group by status").all(),
    );
    log(`left behind: ${leftOver.join(", ")}; outbox at the kill: ${JSON.stringify(queuedAtKill)}`);

    log("restarting on the same files");
    const restartAt = Date.now();
    server = await startApp(port, env);
    log(`ready again after ${((Date.now() - restartAt) / 1000).toFixed(1)} s`);
    const after: string[] = [];
    for (let i = 0; i < 20; i++) {
      const email = `after-restart-${i}@example.org`;
      if ((await fetch(`${server.url}/api/petitions/moscow-trials/signatures`, signRequest(email))).status === 202)
        after.push(email);
    }
    check(after.length === 20, `it takes signatures again (${after.length}/20 accepted)`);

    const drainStart = Date.now();
    const unsent = () =>
      readOnly(
        database,
        (db) => db.prepare("select count(*) from outbox where status <> 'sent'").pluck().get() as number,
      );
    while (unsent() > 0 && Date.now() - drainStart < DRAIN_LIMIT_MS)
      await new Promise((resolve) => setTimeout(resolve, 200));
    log(`outbox drained ${unsent() === 0 ? "" : "NOT "}in ${((Date.now() - drainStart) / 1000).toFixed(1)} s`);
    await server.stop();
    server = undefined;

    const accepted = [...tally.signed, ...after];
    const missing = missingRows(database, accepted);
    check(missing === 0, `every 202 has its signature row (${accepted.length} accepted, ${missing} missing)`);
    const notConfirmed = readOnly(database, (db) => {
      const state = db
        .prepare(
          "select s.state from confirmation_tokens t join signatures s on s.id = t.signature_id where t.token_hash = ?",
        )
        .pluck();
      return tally.confirmed.filter((token) => state.get(hashToken(token)) !== "confirmed").length;
    });
    check(
      notConfirmed === 0,
      `every confirmation answered "thanks" is confirmed (${tally.confirmed.length}, ${notConfirmed} not)`,
    );
    const drift = (await counterDrift(database)).filter((row) => row.kept !== row.actual);
    check(drift.length === 0, `counters equal a recount${drift.length ? `: ${JSON.stringify(drift)}` : ""}`);

    const { rows, outbox, recipients } = readOnly(database, (db) => ({
      rows: db.prepare("select count(*) from signatures").pluck().get() as number,
      outbox: db.prepare("select status, count(*) as n from outbox group by status").all() as {
        status: string;
        n: number;
      }[],
      recipients: db.prepare("select email from signatures").pluck().all() as string[],
    }));
    const sentRows = outbox.find((row) => row.status === "sent")?.n ?? 0;
    check(
      outbox.length === 1 && sentRows === rows,
      `every queued email is marked sent (${rows} signatures, outbox ${JSON.stringify(outbox)})`,
    );
    const byRecipient = stub.acceptedByRecipient();
    const wrong = recipients.filter((email) => byRecipient.get(email) !== 1);
    check(
      wrong.length === 0 && stub.acceptedCount() === rows,
      `the provider accepted exactly one email per signature (${stub.acceptedCount()} for ${rows}; ${wrong.length} signers with none or several)`,
    );
    const keys = new Set<string>();
    let replays = 0;
    for (const { outcome, idempotencyKey } of stub.requests) {
      if (outcome !== 200) continue;
      if (keys.has(idempotencyKey!)) replays++;
      keys.add(idempotencyKey!);
    }
    log(
      `${stub.requests.length} requests to the provider, ${replays} of them a replay of an already accepted key (dropped by idempotency)`,
    );
  } finally {
    await server?.stop();
    await stub.close();
    if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
    else console.log(`files kept for inspection in ${dir}`);
  }
  console.log(
    `${failures.length === 0 ? "crash test passed" : `crash test FAILED (${failures.length})`} in ${elapsed()}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
