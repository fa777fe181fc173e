import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import pg from "pg";
import type { Connection, Db, Tx } from "./index";
import * as tables from "./schema-postgres";
import { seedDatabase } from "./seed";
import { openPostgresSnapshot } from "./snapshot";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations-postgres");
// Any constant shared by every instance: the advisory lock that lets one of them migrate and seed at a time.
const MIGRATION_LOCK = 7_340_211;
const RETRIES = 5;
// Serialization failure, deadlock, and a unique key another instance inserted first: run it again, and the
// transaction's own reads then see the other's row (a signer's second submission finds the first).
const RETRYABLE = new Set(["40001", "40P01", "23505"]);

/** Makes a pool's queries and transactions wait until the database is ready (both go through connect). */
function gate(pool: pg.Pool, ready: Promise<void>): void {
  type Callback = (error: Error | undefined, client?: pg.PoolClient, release?: () => void) => void;
  const connectWith = pool.connect.bind(pool) as unknown as (callback: Callback) => void;
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  Object.assign(pool, {
    // pool.query calls connect with a callback; transactions call it for a promise.
    connect: (callback?: Callback) =>
      callback ? void ready.then(() => connectWith(callback), callback) : ready.then(() => connect()),
  });
}

/**
 * Brings a PostgreSQL database to the current schema, under a lock so that instances starting together
 * migrate once, then seeds the default campaign into an empty one (unless `seed` is false: a copy target).
 */
export async function migratePostgres(url: string, { seed = true } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const db = drizzle(client, { schema: tables });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    if (seed) await seedDatabase((work) => db.transaction((tx) => work(tx as unknown as Tx)));
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}

function sqlErrorCode(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: unknown };
  return code ?? (cause ? sqlErrorCode(cause) : undefined);
}

/** PostgreSQL through a pool shared by the process; every instance migrates under one lock. */
export function openPostgres(url: string, poolSize: number): Connection {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes (a restart, a failover, an administrator) is reported here;
  // unheard, it would end the process. The pool replaces it on the next query.
  pool.on("error", (error) => console.error("PostgreSQL closed an idle connection:", error.message));
  const ready = migratePostgres(url);
  ready.catch(() => {}); // reported to every query
  gate(pool, ready);
  const db = drizzle(pool) as unknown as Db;
  const transaction: Connection["transaction"] = async (work) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction(work);
      } catch (error) {
        if (attempt >= RETRIES || !RETRYABLE.has(sqlErrorCode(error) ?? "")) throw error;
      }
    }
  };
  return {
    db,
    ready,
    async openSnapshot() {
      const client = await pool.connect();
      return openPostgresSnapshot(client, () => client.release());
    },
    transaction,
    groupedTransaction: transaction,
    close: () => pool.end(),
  };
}
