import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import Database from "better-sqlite3";

/** The suite's port plus `offset`: a spec that needs other limits than the shared server runs its own. */
export const ownPort = (offset: number) => Number(process.env.E2E_PORT ?? 3210) + offset;

export type OwnServer = {
  url: string;
  dir: string;
  secret: string;
  /** Read-only access to its database, for what a test must check. */
  query: <T>(sql: string, ...params: unknown[]) => T[];
  /** What it has written to stdout and stderr so far. */
  log: () => string;
  /** Sends it a signal (stop() also sends SIGTERM, then waits and removes its files). */
  kill: (signal: NodeJS.Signals) => void;
  /** Its exit code, once it has exited (null when a signal killed it). */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * A second production server (`next start` on the suite's build) on its own port, database and mailbox,
 * with its own environment: for specs that replay an attack against limits lower than the shared server's.
 */
export async function startOwnServer(port: number, env: Record<string, string>): Promise<OwnServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "delegation-e2e-"));
  const secret = `e2e-own-server-${port}-secret`;
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_PATH: path.join(dir, "app.db"),
        MAIL_DIR: path.join(dir, "mail"),
        APP_URL: url,
        AUTH_SECRET: secret,
        RESEND_API_KEY: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
        return fetch(`${url}/api/health`).then(
          (response) => response.status,
          () => 0,
        );
      },
      { timeout: 60_000, message: `the server on port ${port}` },
    )
    .toBe(200);
  return {
    url,
    dir,
    secret,
    query: <T>(sql: string, ...params: unknown[]) => {
      const db = new Database(path.join(dir, "app.db"), { readonly: true });
      db.pragma("busy_timeout = 5000");
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    log: () => log,
    kill: (signal) => void child.kill(signal),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
