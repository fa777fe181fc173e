import Database from "better-sqlite3";
import path from "node:path";
import { E2E_DATA } from "@/playwright.config";

/** Direct access to the server's SQLite file, for what a test cannot wait for (expiry) or must check. */
export function withDatabase<T>(work: (db: Database.Database) => T): T {
  const db = new Database(path.join(E2E_DATA, "app.db"));
  db.pragma("busy_timeout = 5000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}
