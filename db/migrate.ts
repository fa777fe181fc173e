import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";
import { seedDatabase } from "./seed";
import type * as schema from "./schema";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Brings a database to the current schema and seeds the default campaign into an empty one. */
export function migrateDatabase(db: BetterSQLite3Database<typeof schema>): void {
  migrate(db, { migrationsFolder: MIGRATIONS });
  seedDatabase(db);
}
