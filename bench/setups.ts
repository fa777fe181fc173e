// The ways `npm run bench -- --databases` runs the app: on SQLite, and on PostgreSQL with one instance or
// several behind nginx's round robin, each on a database of its own, with what the bench reads back.
import path from "node:path";
import { appEnv, counterDrift, missingRows, outboxBacklog, pendingTokens, prepareDatabase } from "./app-data";
import { startRoundRobin } from "./nginx";
import {
  postgresBackends,
  postgresCounterDrift,
  postgresMissingRows,
  postgresOutboxBacklog,
  postgresPendingTokens,
  type BenchDatabases,
} from "./postgres-data";
import { processTree, startApp, type Server } from "./servers";

export type Settings = {
  root: string;
  /** The first of seven ports: five instances and two round robins. */
  port: number;
  connections: number;
  readSeconds: number;
  signSeconds: number;
  /** Every setup takes its turn once a round. */
  rounds: number;
  databases: BenchDatabases;
  /** Servers running at this moment, for a run that is interrupted. */
  live: Set<Server>;
};

/** The processes that serve a setup's requests at this moment, by their part. */
export type Processes = { app: number[]; proxy: number[]; database: number[] };

/** One way of running the app: where the load goes, what serves it, and how to read back what it wrote. */
export type Setup = {
  entry: Server;
  processes: () => Promise<Processes>;
  /** The latest output of its servers, for a load that met unexpected answers. */
  logs: () => string;
  tokens: () => Promise<string[]>;
  backlog: () => Promise<number>;
  drift: () => Promise<string[]>;
  missing: (emails: string[]) => Promise<number>;
};

async function started(settings: Settings, servers: Promise<Server>[]): Promise<Server[]> {
  const all = await Promise.allSettled(servers);
  for (const result of all) if (result.status === "fulfilled") settings.live.add(result.value);
  const failed = all.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return all.map((result) => (result as PromiseFulfilledResult<Server>).value);
}

async function sqliteSetup(settings: Settings, port: number): Promise<Setup> {
  const dir = path.join(settings.root, "sqlite");
  const file = await prepareDatabase(dir, 0);
  const [app] = await started(settings, [startApp(port, appEnv(dir, { TRUST_PROXY: "1" }))]);
  return {
    entry: app,
    // SQLite runs inside the app's process.
    processes: async () => ({ app: processTree(app.process.pid!), proxy: [], database: [] }),
    logs: () => app.log(),
    tokens: async () => pendingTokens(file),
    backlog: async () => outboxBacklog(file),
    drift: async () => (await counterDrift(file)).filter((row) => row.kept !== row.actual).map((row) => row.slug),
    missing: async (emails) => missingRows(file, emails),
  };
}

/**
 * `instances` servers from `port` on, on one new database; with a round robin (on the port after them),
 * the load goes through nginx to each instance in turn.
 */
async function postgresSetup(
  settings: Settings,
  port: number,
  purpose: string,
  instances: number,
  roundRobin = false,
): Promise<Setup> {
  const { url, name } = await settings.databases.create(purpose);
  const dir = path.join(settings.root, purpose);
  const ports = Array.from({ length: instances }, (_, i) => port + i);
  const env = (port: number) =>
    appEnv(dir, {
      DATABASE_URL: url,
      MAIL_DIR: path.join(dir, `mail-${port}`),
      // A signer's address is the hop before the proxies': nginx appends one of its own.
      TRUST_PROXY: roundRobin ? "2" : "1",
    });
  const apps = await started(
    settings,
    ports.map((port) => startApp(port, env(port))),
  );
  const [nginx] = roundRobin
    ? await started(settings, [startRoundRobin({ port: port + instances, appPorts: ports })])
    : [];
  return {
    entry: nginx ?? apps[0],
    processes: async () => ({
      app: apps.flatMap((app) => processTree(app.process.pid!)),
      proxy: nginx ? processTree(nginx.process.pid!) : [],
      database: await postgresBackends(name),
    }),
    logs: () => [...apps, ...(nginx ? [nginx] : [])].map((server) => `${server.url}:\n${server.log()}`).join("\n"),
    tokens: () => postgresPendingTokens(url),
    backlog: () => postgresOutboxBacklog(url),
    drift: () => postgresCounterDrift(url),
    missing: (emails) => postgresMissingRows(url, emails),
  };
}

// Each setup's figures are set against an earlier one's: PostgreSQL against SQLite, the round robin's one
// instance against one reached directly, two instances against one (both behind the round robin).
export const SETUPS: {
  what: string;
  tag: string;
  start: (settings: Settings, port: number) => Promise<Setup>;
  ports: number;
  against?: [number, string];
}[] = [
  { what: "SQLite, one instance", tag: "sqlite", start: sqliteSetup, ports: 1 },
  {
    what: "PostgreSQL, one instance",
    tag: "pg-one",
    start: (settings, port) => postgresSetup(settings, port, "one", 1),
    ports: 1,
    against: [0, "SQLite"],
  },
  {
    what: "PostgreSQL, one instance behind the round robin",
    tag: "pg-rr-one",
    start: (settings, port) => postgresSetup(settings, port, "rr_one", 1, true),
    ports: 2,
    against: [1, "PostgreSQL direct"],
  },
  {
    what: "PostgreSQL, **two instances** behind the round robin",
    tag: "pg-rr-two",
    start: (settings, port) => postgresSetup(settings, port, "rr_two", 2, true),
    ports: 3,
    against: [2, "one instance"],
  },
];
