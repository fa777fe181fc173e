import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Brings a SQLite database to the current schema (one connection: SQLite's own lock serialises starts). */
export function migrateSqlite(db: BetterSQLite3Database): void {
  migrate(db, { migrationsFolder: MIGRATIONS });
}
