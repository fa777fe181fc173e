// `npm run bench -- --databases`: the same build under the same load on SQLite, on PostgreSQL, and on
// PostgreSQL with one and with two instances behind a round robin (setups.ts), all running at once and
// taking turns, so that the rest of the machine's work falls on each alike. Beside requests/s, the CPU time
// the serving processes spent per request: on a shared machine it varies far less than the rate does.
import { outboxSettled } from "./app-data";
import { combineLoads, type LoadResult } from "./load";
import type { Row } from "./report";
import { confirmingLoad, getLoad, signingLoad } from "./scenarios";
import { cpuMilliseconds } from "./servers";
import { SETUPS, type Processes, type Settings, type Setup } from "./setups";
import { unexpected, type LoadRow } from "./throughput";

/** The kinds of load each setup takes in its turn. */
const KINDS = ["health", "signing", "spread", "confirming"] as const;
type Kind = (typeof KINDS)[number];
type Cpu = Record<keyof Processes, number>;
type Measured = Record<Kind, { result: LoadResult; cpu: Cpu }>;

type Loads = { results: LoadResult[]; cpu: Cpu };
type Turns = Record<Kind, Loads> & { accepted: string[]; tokens: number; confirmed: number };

const noLoads = (): Loads => ({ results: [], cpu: { app: 0, proxy: 0, database: 0 } });
const newTurns = (): Turns => ({
  health: noLoads(),
  signing: noLoads(),
  spread: noLoads(),
  confirming: noLoads(),
  accepted: [],
  tokens: 0,
  confirmed: 0,
});

async function cpuUsed(setup: Setup) {
  const processes = await setup.processes();
  return Object.fromEntries(Object.entries(processes).map(([part, pids]) => [part, cpuMilliseconds(pids)])) as Record<
    keyof Processes,
    Map<number, number>
  >;
}

const LABELS: Record<Kind, { what: string; status: number; target?: object }> = {
  health: { what: "empty route `/api/health`", status: 200 },
  signing: { what: "**signing**, JSON API, unique emails, one client address", status: 202, target: {} },
  spread: { what: "signing, unique emails, an address per signer", status: 202, target: {} },
  confirming: { what: "**confirming** (the button's form post)", status: 303, target: {} },
};

/** Runs one load and adds it, with the CPU time each part of the setup spent meanwhile, to `turns[kind]`. */
async function metered<T>(setup: Setup, turns: Turns, kind: Kind, work: () => Promise<T>, load: (t: T) => LoadResult) {
  const before = await cpuUsed(setup);
  const outcome = await work();
  const after = await cpuUsed(setup);
  for (const part of Object.keys(after) as (keyof Processes)[])
    for (const [pid, ms] of after[part]) turns[kind].cpu[part] += ms - (before[part].get(pid) ?? 0);
  const result = load(outcome);
  turns[kind].results.push(result);
  if (unexpected(result, LABELS[kind].status) > 0) {
    const statuses = JSON.stringify(Object.fromEntries(result.statuses));
    process.stderr.write(
      `  ${kind}: answers ${statuses}, ${result.errors} socket errors, ${result.timeouts} timeouts; the servers' latest output:\n${setup.logs().slice(-3000)}\n`,
    );
  }
  return outcome;
}

/**
 * One turn: the empty route (the framework's own cost here), signing from this machine's one address as
 * `npm run bench` does, signing from an address per signer, then confirming all they left pending.
 */
async function turn(settings: Settings, setup: Setup, tag: string, turns: Turns): Promise<void> {
  const { entry } = setup;
  const { connections, signSeconds } = settings;
  const round = turns.health.results.length;
  const same = (result: LoadResult) => result;
  await metered(setup, turns, "health", () => getLoad(entry, "/api/health", settings.readSeconds, connections), same);
  for (const kind of ["signing", "spread"] as const) {
    const tagged = `${tag}-${kind}-${round}`;
    const signing = await metered(
      setup,
      turns,
      kind,
      () => signingLoad(entry, tagged, signSeconds, connections, kind === "spread"),
      (outcome) => outcome.result,
    );
    turns.accepted.push(...signing.accepted);
    await outboxSettled(setup.backlog, tag); // it must not run into the next setup's turn
  }
  const tokens = await setup.tokens();
  const confirming = await metered(setup, turns, "confirming", () => confirmingLoad(entry, tokens, connections), same);
  turns.tokens += tokens.length;
  turns.confirmed += confirming.confirmed;
  await outboxSettled(setup.backlog, tag);
  const rate = (kind: Kind) => `${Math.round(turns[kind].results.at(-1)!.requestsPerSecond)}/s`;
  process.stderr.write(
    `  ${tag}: empty route ${rate("health")}, signing ${rate("signing")} (an address each ${rate("spread")}), confirming ${rate("confirming")}\n`,
  );
}

/** The serving processes' CPU time per request, in all and by part. */
function cpuNote({ result, cpu }: Measured[Kind]): string {
  const per = (ms: number) => (ms / Math.max(result.total, 1)).toFixed(1);
  const parts = [
    cpu.proxy > 0 ? `nginx ${per(cpu.proxy)}` : null,
    cpu.database > 0 ? `PostgreSQL ${per(cpu.database)}` : null,
  ].filter(Boolean);
  const all = cpu.app + cpu.proxy + cpu.database;
  return `server CPU ${per(all)} ms a request${parts.length ? `: app ${per(cpu.app)}, ${parts.join(", ")}` : ""}`;
}

function loadRows(what: string, m: Measured, against?: { name: string; m: Measured }): LoadRow[] {
  return KINDS.map((kind) => ({
    what: `${what}: ${LABELS[kind].what}${kind === "confirming" ? `, ${m[kind].result.total.toLocaleString("en")} signatures` : ""}`,
    result: m[kind].result,
    errors: unexpected(m[kind].result, LABELS[kind].status),
    floor: against && { name: against.name, requestsPerSecond: against.m[kind].result.requestsPerSecond },
    target: LABELS[kind].target,
    note: cpuNote(m[kind]),
  }));
}

/**
 * Starts every setup, then gives each its turn once a round, in a different order each round; returns the
 * load rows, the checks of what each database holds afterwards, and the ratios in a sentence.
 */
export async function compareDatabases(settings: Settings) {
  process.stderr.write(`\n▶ starting ${SETUPS.map((setup) => setup.what).join("; ")}\n`);
  const setups: Setup[] = [];
  let port = settings.port;
  for (const { start, ports } of SETUPS) {
    setups.push(await start(settings, port));
    port += ports;
  }
  // A new instance loads each route's code on its first requests, a second or more of CPU: not measured.
  process.stderr.write("▶ warming up every instance\n");
  for (const [i, setup] of setups.entries())
    await turn({ ...settings, readSeconds: 1, signSeconds: 2 }, setup, `${SETUPS[i].tag}-warm-up`, newTurns());
  const turns = SETUPS.map(newTurns);
  for (let round = 0; round < settings.rounds; round++) {
    process.stderr.write(`▶ round ${round + 1} of ${settings.rounds}\n`);
    for (let k = 0; k < SETUPS.length; k++) {
      const i = (k + round) % SETUPS.length;
      await turn(settings, setups[i], SETUPS[i].tag, turns[i]);
    }
  }
  const measured = turns.map(
    (t) =>
      Object.fromEntries(
        KINDS.map((kind) => [kind, { result: combineLoads(t[kind].results), cpu: t[kind].cpu }]),
      ) as Measured,
  );
  const loads: LoadRow[] = [];
  const checks: Row[] = [];
  for (const [i, { what, against }] of SETUPS.entries()) {
    loads.push(...loadRows(what, measured[i], against && { name: against[1], m: measured[against[0]] }));
    const drift = await setups[i].drift();
    const missing = await setups[i].missing(turns[i].accepted);
    const pending = (await setups[i].tokens()).length;
    const { accepted, confirmed, tokens } = turns[i];
    checks.push({
      what: `after the loads, ${what}`,
      measured: `${drift.length} counters off a recount; ${missing} of ${accepted.length.toLocaleString("en")} accepted signatures missing; ${confirmed.toLocaleString("en")} of ${tokens.toLocaleString("en")} confirmations answered 303, ${pending} signatures left pending`,
      target: "counters equal a recount; every 202 has its row; none left pending",
      floor: "—",
      ok: drift.length === 0 && missing === 0 && pending === 0,
    });
  }
  for (const server of [...settings.live].reverse()) {
    await server.stop();
    settings.live.delete(server);
  }
  return { loads, checks, summary: summary(settings.rounds, measured) };
}

function summary(rounds: number, [sqlite, postgres, oneBehind, twoBehind]: Measured[]): string {
  const ratio = (a: Measured, b: Measured, kind: Kind) =>
    (a[kind].result.requestsPerSecond / b[kind].result.requestsPerSecond).toFixed(2);
  const rates = (a: Measured, b: Measured) =>
    `empty route ${ratio(a, b, "health")}, signing ${ratio(a, b, "signing")} (an address per signer ${ratio(a, b, "spread")}), confirming ${ratio(a, b, "confirming")}`;
  return [
    `Requests/s over all ${rounds} rounds; p99 of the worst round; server CPU: the app's processes, nginx's and the PostgreSQL backends' CPU time during the load over its requests (the load generator's own is not counted).`,
    `**PostgreSQL / SQLite**, one instance each: ${rates(postgres, sqlite)}.`,
    `**Two instances / one**, both behind the round robin: ${rates(twoBehind, oneBehind)}.`,
    `Two instances behind the round robin / one PostgreSQL instance reached directly: ${rates(twoBehind, postgres)}.`,
  ].join(" ");
}
