import Database from "better-sqlite3";
import { chmodSync, existsSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export type BackupResult = { pages: number; bytes: number; ms: number };

// sqlite3_backup_step's "every remaining page" (better-sqlite3 clamps the rate to this).
const ALL_PAGES = 0x7fffffff;

/**
 * An online copy of a live database through SQLite's backup API, safe while the server writes (WAL).
 * The copy is checked and made readable by its owner only (it holds signers' addresses) before it
 * takes the destination's name, so a file there is always a whole, sound backup.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const started = Date.now();
  if (path.resolve(source) === path.resolve(destination))
    throw new Error("the backup cannot replace the live database");
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  const live = new Database(source, { readonly: true, fileMustExist: true });
  live.pragma("busy_timeout = 5000");
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    // All pages in one step: one read snapshot, while the server goes on writing to the WAL. In smaller
    // steps every write from another connection restarts the copy, and steady signing would never let it end.
    const { totalPages } = await live.backup(partial, { progress: () => ALL_PAGES });
    chmodSync(partial, 0o600);
    checkIntegrity(partial);
    renameSync(partial, destination);
    return { pages: totalPages, bytes: statSync(destination).size, ms: Date.now() - started };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    live.close();
  }
}

/** PRAGMA integrity_check on a database file; throws with SQLite's findings unless it says "ok". */
function checkIntegrity(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const findings = db.prepare("pragma integrity_check").pluck().all() as string[];
    if (findings.join() !== "ok") throw new Error(`integrity check failed: ${findings.slice(0, 5).join("; ")}`);
  } finally {
    db.close();
  }
}
