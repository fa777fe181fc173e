import "server-only";
import Database from "better-sqlite3";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzleSqlite, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { migrateSqlite } from "./migrate";
import { openPostgres } from "./postgres-connection";
import * as schema from "./schema";
import { commitGroups } from "./commit-groups";
import { seedDatabase } from "./seed";
import { openSqliteSnapshot, type Snapshot, type SnapshotSource } from "./snapshot";
import { sqliteExecutor } from "./sqlite-connection";
import { checkpointOffThread } from "./wal-checkpoints";

/**
 * The database every query is written against, once, for both dialects (see db/dialect.ts). Without the
 * schema: no query uses Drizzle's relational API (`db.query.…`), whose builders, one per table, Drizzle
 * would otherwise make again for every transaction.
 */
export type Db = SqliteRemoteDatabase;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A query's target: the database, or the transaction it is part of. */
export type Executor = Db | Tx;

export type Connection = {
  db: Db;
  ready: Promise<void>;
  openSnapshot: () => Promise<Snapshot>;
  transaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  /** A transaction that may share its commit with others of the same moment (db/commit-groups.ts). */
  groupedTransaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
  /** SQLite: checkpoints on a thread of their own from now on (the server; tests and scripts leave them). */
  checkpointInBackground?: () => void;
};

// One connection per database and process, kept on globalThis so that Next's separate bundles
// (instrumentation, routes) and dev-mode reloads share it.
const connections = ((globalThis as { __delegationDb?: Map<string, Connection> }).__delegationDb ??= new Map());

function openSqlite(resolved: string): Connection & { client: Database.Database } {
  mkdirSync(path.dirname(resolved), { recursive: true, mode: 0o700 });
  // Signers' names and addresses: readable by the server's user only. SQLite gives the WAL and SHM files
  // the database file's mode, so creating (or tightening) that one first covers all three.
  closeSync(openSync(resolved, "a", 0o600));
  chmodSync(resolved, 0o600);
  const client = new Database(resolved);
  client.pragma("journal_mode = WAL");
  client.pragma("busy_timeout = 5000");
  client.pragma("synchronous = NORMAL");
  client.pragma("foreign_keys = ON");
  migrateSqlite(drizzleSync(client));
  const { execute, exclusive } = sqliteExecutor(client);
  const seeding = drizzleSqlite(execute);
  const ready = seedDatabase((work) => exclusive(() => seeding.transaction(work, { behavior: "immediate" })));
  ready.catch(() => {}); // reported to every query below
  let isReady = false;
  ready.then(() => (isReady = true));
  // Once ready, straight to the executor: a query inside a transaction is awaited statement by statement,
  // and every extra promise there costs (async hooks are on for AsyncLocalStorage).
  const db = drizzleSqlite((sql, params, method) =>
    isReady ? execute(sql, params, method) : ready.then(() => execute(sql, params, method)),
  );
  const transaction = <T>(work: (tx: Tx) => Promise<T>) =>
    exclusive(() => db.transaction(work, { behavior: "immediate" }));
  const inGroup = commitGroups(transaction);
  let stopCheckpoints: (() => Promise<void>) | undefined;
  return {
    db,
    ready,
    client,
    async openSnapshot() {
      await ready;
      return openSqliteSnapshot(resolved);
    },
    async transaction(work) {
      await ready;
      return transaction(work);
    },
    async groupedTransaction(work) {
      await ready;
      return inGroup(work);
    },
    checkpointInBackground() {
      stopCheckpoints ??= checkpointOffThread(client, resolved);
    },
    async close() {
      await stopCheckpoints?.();
      client.close();
    },
  };
}

function sqliteConnection(file: string) {
  const key = path.resolve(file);
  let found = connections.get(key) as ReturnType<typeof openSqlite> | undefined;
  if (!found) connections.set(key, (found = openSqlite(key)));
  return found;
}

function connection(): Connection {
  const config = getConfig();
  if (!config.DATABASE_URL) return sqliteConnection(config.DATABASE_PATH);
  let found = connections.get(config.DATABASE_URL);
  if (!found)
    connections.set(config.DATABASE_URL, (found = openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE)));
  return found;
}

/**
 * A SQLite file other than the configured one, migrated and seeded, with its raw client for bulk work
 * (benches and the synthetic-signature generator). Close it when done.
 */
export async function openSqliteFile(file: string) {
  const found = sqliteConnection(file);
  await found.ready;
  return {
    db: found.db,
    client: found.client,
    async close() {
      await found.close();
      connections.delete(path.resolve(file));
    },
  };
}

export function getDb(): Db {
  return connection().db;
}

/** Opens (migrating and seeding) the configured database and waits until it answers. */
export async function ensureDatabase(): Promise<void> {
  await getDb().select({ id: schema.documents.id }).from(schema.documents).limit(1);
}

/**
 * Runs `work` in one transaction that sees and writes alone: on SQLite the connection's only writer
 * (BEGIN IMMEDIATE); on PostgreSQL retried when it collides with another instance's.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return connection().transaction(work);
}

/**
 * `transaction`, for a write that a surge repeats (a signature): on SQLite it shares its commit with the
 * others asked for in the same turn of the event loop, each in its own savepoint (db/commit-groups.ts), and
 * resolves once that commit is done; on PostgreSQL, where transactions run side by side, a transaction alone.
 */
export function groupedTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return connection().groupedTransaction(work);
}

/** On SQLite, moves the write-ahead log's checkpoints off this thread (db/wal-checkpoints.ts); on PostgreSQL, nothing. */
export function checkpointInBackground(): void {
  connection().checkpointInBackground?.();
}

/** A consistent read-only view for long reads (exports, dossiers); close it when done. */
export function openSnapshot(): Promise<Snapshot> {
  return connection().openSnapshot();
}

/** Where another thread opens its own snapshot of the configured database (once that database is ready). */
export async function snapshotSource(): Promise<SnapshotSource> {
  const config = getConfig();
  await connection().ready;
  return config.DATABASE_URL
    ? { dialect: "postgres", url: config.DATABASE_URL }
    : { dialect: "sqlite", file: path.resolve(config.DATABASE_PATH) };
}

/** Closes the database of this process's configuration (tests and scripts that switch databases). */
export async function closeDatabase(): Promise<void> {
  const config = getConfig();
  const key = config.DATABASE_URL ?? path.resolve(config.DATABASE_PATH);
  await connections.get(key)?.close();
  connections.delete(key);
}

/** A query's first row, or undefined: `await db.select()…​.then(first)`. */
export const first = <T>(rows: T[]): T | undefined => rows[0];
