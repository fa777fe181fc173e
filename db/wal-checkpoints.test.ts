import Database from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { BACKSTOP_PAGES, checkpointOffThread } from "./wal-checkpoints";

let dir: string;
let file: string;
let client: Database.Database;
let stop: (() => Promise<void>) | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wal-checkpoints-"));
  file = path.join(dir, "app.db");
  client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = NORMAL");
  client.exec("create table rows (id integer primary key, body blob not null)");
});

afterEach(async () => {
  await stop?.();
  stop = undefined;
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One transaction per row, as signatures come in. */
function write(rows: number, bytes: number) {
  const insert = client.prepare("insert into rows (body) values (?)");
  for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(bytes, i % 251));
}

const pageBytes = () => client.pragma("page_size", { simple: true }) as number;

it("copies the log into the database file from its own thread, while commits leave that to it", async () => {
  stop = checkpointOffThread(client, file, 20);
  expect(client.pragma("wal_autocheckpoint", { simple: true })).toBe(BACKSTOP_PAGES);
  const before = statSync(file).size;
  write(600, 3000); // 600 pages or more in the log: fewer than the connection's own threshold
  await expect.poll(() => statSync(file).size, { timeout: 20_000 }).toBeGreaterThan(before + 600 * 3000);
  expect(client.prepare("select count(*) from rows").pluck().get()).toBe(600);
});

it("keeps the log bounded through a long run of writes", () => {
  stop = checkpointOffThread(client, file, 20);
  write(6 * BACKSTOP_PAGES, 3000); // each row a page of the log, at least: six times the threshold
  const logPages = statSync(`${file}-wal`).size / pageBytes();
  // A log that never started again would hold every row. How far past the threshold it grows depends on
  // when the thread's checkpoint runs, and a busy machine delays it (8,414 pages in one CI run).
  expect(logPages).toBeLessThan(3 * BACKSTOP_PAGES);
  expect(client.prepare("select count(*) from rows").pluck().get()).toBe(6 * BACKSTOP_PAGES);
});

it("gives the checkpoints back to the connection when it stops", async () => {
  stop = checkpointOffThread(client, file, 20);
  await stop();
  stop = undefined;
  expect(client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
});

it("gives the checkpoints back to the connection, and says so, when the thread fails", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    stop = checkpointOffThread(client, path.join(dir, "gone.db"), 20); // the thread cannot open it
    expect(client.pragma("wal_autocheckpoint", { simple: true })).toBe(BACKSTOP_PAGES);
    await expect.poll(() => client.pragma("wal_autocheckpoint", { simple: true }), { timeout: 20_000 }).toBe(1000);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the connection checkpoints by itself again/));
  } finally {
    warn.mockRestore();
  }
});
