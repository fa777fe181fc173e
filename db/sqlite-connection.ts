import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";

type Method = "run" | "all" | "get" | "values";
type Statement = Database.Statement<unknown[]>;

/**
 * One better-sqlite3 connection behind Drizzle's asynchronous SQLite driver, so that queries are written
 * once, awaited, for SQLite and PostgreSQL alike. A transaction's callback awaits between statements, and
 * every statement of the process shares the one connection: while a transaction is open, statements from
 * anything outside it wait for it to end, or they would be run (and rolled back) inside it.
 */
export function sqliteExecutor(client: Database.Database) {
  const scope = new AsyncLocalStorage<symbol>();
  let holder: symbol | null = null;
  let released: Promise<void> = Promise.resolve();
  const statements = new Map<string, Statement>();

  function statement(sql: string): Statement {
    let found = statements.get(sql);
    if (!found) {
      // Queries with IN lists of every length would otherwise grow the cache without end.
      if (statements.size >= 1000) statements.clear();
      statements.set(sql, (found = client.prepare(sql)));
    }
    return found;
  }

  const mustWait = () => holder !== null && scope.getStore() !== holder;

  async function waitForTurn(): Promise<void> {
    while (mustWait()) await released;
  }

  // Drizzle's driver contract: rows as arrays of column values (one array for "get").
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function run(sql: string, params: unknown[], method: Method): { rows: any } {
    const prepared = statement(sql);
    if (method === "run" || !prepared.reader) return { rows: [], ...prepared.run(params) };
    const raw = prepared.raw(true);
    return { rows: method === "get" ? raw.get(params) : raw.all(params) };
  }

  // Not an async function: a statement that need not wait (most of them) costs one promise, not three.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function execute(sql: string, params: unknown[], method: Method): Promise<{ rows: any }> {
    if (mustWait()) return waitForTurn().then(() => run(sql, params, method));
    try {
      return Promise.resolve(run(sql, params, method));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Runs `work` as the only user of the connection; a transaction inside one joins it. */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (holder && scope.getStore() === holder) return work();
    // Checked and taken with no await between: after `await waitForTurn()` another waiter could take the
    // connection first, and both would BEGIN.
    while (holder) await released;
    const token = Symbol("transaction");
    holder = token;
    let release!: () => void;
    released = new Promise((resolve) => (release = resolve));
    try {
      return await scope.run(token, work);
    } finally {
      holder = null;
      release();
    }
  }

  return { execute, exclusive };
}
