// SQLite only, by nature: an online backup of the SQLite file through SQLite's backup API, checked and restored
// with raw better-sqlite3 connections of the test's own.
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import path from "node:path";
import { expect, it } from "vitest";
import { openSqliteFile, type Db } from "./index";
import { generateSignatures } from "./generate-signatures";
import { recountConfirmed } from "@/db/queries/signature-counts";
import { sqliteExecutor } from "./sqlite-connection";

const live = process.env.DATABASE_PATH!;
const backupFile = path.join(path.dirname(live), "backup.db");

function run(
  script: string,
  args: string[] = [],
): ChildProcess & { output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return Object.assign(child, { output: () => output, exited });
}

function signatures(file: string, readonly = true) {
  const db = new Database(file, { readonly });
  try {
    // One line per row, so that comparing a hundred thousand of them stays cheap.
    return db.prepare("select id || ' ' || email_key from signatures order by id").pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function until(condition: () => boolean, what: string) {
  for (let wait = 0; wait < 300 && !condition(); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

it("backs up the live database while it is written to, and the backup restores by the README's steps", async () => {
  const generating = await openSqliteFile(live);
  generateSignatures(generating.client, { count: 20_000 });
  await generating.close(); // from here the writer is the server: the only connection that writes

  const writer = run("tests/signature-writer.ts");
  const written = () => Number(writer.output().trim().split("\n").at(-1) ?? 0);
  await until(() => written() >= 300, "the writer to get going");
  const committedBefore = signatures(live);
  const backup = run("scripts/backup.ts", [backupFile]);
  expect(await backup.exited).toBe(0);
  expect(backup.output()).toMatch(/integrity ok/);
  const committedAfter = signatures(live);
  expect(committedAfter.length - committedBefore.length).toBeGreaterThan(0); // it kept writing meanwhile
  expect(writer.exitCode).toBeNull();

  // The backup: sound, holding everything committed before it started, its counters equal to a recount.
  const copy = new Database(backupFile, { readonly: true });
  expect(copy.prepare("pragma integrity_check").pluck().all()).toEqual(["ok"]);
  copy.close();
  const inBackup = signatures(backupFile);
  expect(inBackup.slice(0, committedBefore.length).join("\n") === committedBefore.join("\n")).toBe(true);
  const backupReader = new Database(backupFile, { readonly: true });
  const backupDb: Db = drizzle(sqliteExecutor(backupReader).execute);
  const counters = await recountConfirmed(backupDb);
  backupReader.close();
  expect(counters.find((row) => row.slug === "moscow-trials")!.actual).toBeGreaterThan(0);
  for (const row of counters) expect(row.kept).toBe(row.actual);
  expect((statSync(backupFile).mode & 0o777).toString(8)).toBe("600");

  // Restore: stop the server, replace the file, remove the stale -wal and -shm, start.
  writer.kill("SIGKILL");
  await writer.exited;
  expect(existsSync(`${live}-wal`)).toBe(true); // what a stopped server leaves behind, not to be replayed
  copyFileSync(backupFile, live);
  rmSync(`${live}-wal`, { force: true });
  rmSync(`${live}-shm`, { force: true });

  const restored = await openSqliteFile(live); // what the server does at start: open, migrate, seed if empty
  const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
  expect(restored.client.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(
    journal.entries.length,
  );
  expect(restored.client.prepare("pragma integrity_check").pluck().all()).toEqual(["ok"]);
  await restored.close();
  expect(signatures(live, false).join("\n") === inBackup.join("\n")).toBe(true);
  const reopened = await openSqliteFile(live);
  const restoredCounters = await recountConfirmed(reopened.db);
  expect(restoredCounters).toEqual(counters);
  await reopened.close();
}, 60_000);
