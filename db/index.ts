import "server-only";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// One connection per database file and process, kept on globalThis so that Next's separate bundles
// (instrumentation, routes) and dev-mode reloads share it.
const connections = ((globalThis as { __delegationDb?: Map<string, Db> }).__delegationDb ??= new Map());

export function openDatabase(file: string): Db {
  const resolved = path.resolve(file);
  const existing = connections.get(resolved);
  if (existing) return existing;
  mkdirSync(path.dirname(resolved), { recursive: true, mode: 0o700 });
  // Signers' names and addresses: readable by the server's user only. SQLite gives the WAL and SHM files
  // the database file's mode, so creating (or tightening) that one first covers all three.
  closeSync(openSync(resolved, "a", 0o600));
  chmodSync(resolved, 0o600);
  const sqlite = new Database(resolved);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  migrateDatabase(db);
  connections.set(resolved, db);
  return db;
}

export function getDb(): Db {
  return openDatabase(getConfig().DATABASE_PATH);
}

export function closeDatabase(file: string): void {
  const resolved = path.resolve(file);
  connections.get(resolved)?.$client.close();
  connections.delete(resolved);
}
