import Database from "better-sqlite3";
import pg from "pg";

export type RawQuery = { sql: string; params: unknown[] };

/**
 * Where a snapshot can be opened from any thread: the SQLite file, or the PostgreSQL URL. A worker thread
 * shares none of the main thread's connections, so it opens its own from this.
 */
export type SnapshotSource = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

/**
 * A read-only view of the database frozen when it was opened, on a connection of its own: a long export
 * or dossier neither blocks people signing nor sees rows that change while it is read. Rows come as arrays
 * of column values, as the driver gives them (numbers, or strings for PostgreSQL's bigint).
 */
export type Snapshot = {
  first: (query: RawQuery) => Promise<unknown[] | undefined>;
  /**
   * The rows in batches of up to `size` (the last may be shorter, none is empty), each read only when asked
   * for: one await per batch rather than per row, and no more than one batch held at a time.
   */
  batches: (query: RawQuery, size: number) => AsyncGenerator<unknown[][]>;
  close: () => Promise<void>;
};

/** A snapshot's rows one at a time (for readers that take them one by one, such as the dossier's PDF). */
export async function* eachRow(snapshot: Snapshot, query: RawQuery, batchSize = 500): AsyncGenerator<unknown[]> {
  for await (const batch of snapshot.batches(query, batchSize)) yield* batch;
}

export function openSqliteSnapshot(file: string): Snapshot {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  reader.pragma("busy_timeout = 5000");
  reader.exec("begin");
  return {
    async first({ sql, params }) {
      return reader
        .prepare<unknown[], unknown[]>(sql)
        .raw(true)
        .get(...params);
    },
    async *batches({ sql, params }, size) {
      let batch: unknown[][] = [];
      for (const row of reader
        .prepare<unknown[], unknown[]>(sql)
        .raw(true)
        .iterate(...params)) {
        batch.push(row);
        if (batch.length < size) continue;
        yield batch;
        batch = [];
        // The reads are synchronous: without a turn of the event loop between batches, a client that reads
        // as fast as we write would keep this process from serving anyone else until the export ends.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (batch.length > 0) yield batch;
    },
    async close() {
      if (!reader.open) return;
      if (reader.inTransaction) reader.exec("commit");
      reader.close();
    },
  };
}

/**
 * A snapshot on a PostgreSQL client given for its duration (a pool's, or one of its own); `release` is
 * called once when it is closed, also when the commit fails.
 */
export async function openPostgresSnapshot(
  client: pg.ClientBase,
  release: () => void | Promise<void>,
): Promise<Snapshot> {
  let open = true;
  try {
    await client.query("begin isolation level repeatable read read only");
  } catch (error) {
    await release();
    throw error;
  }
  let cursors = 0;
  return {
    async first({ sql, params }) {
      const result = await client.query({ text: sql, values: params, rowMode: "array" });
      return result.rows[0];
    },
    async *batches({ sql, params }, size) {
      const cursor = `rows_${++cursors}`;
      await client.query({ text: `declare ${cursor} no scroll cursor for ${sql}`, values: params });
      const fetch = `fetch ${Math.max(1, Math.floor(size))} from ${cursor}`;
      for (;;) {
        const { rows } = await client.query<unknown[]>({ text: fetch, rowMode: "array" });
        if (rows.length === 0) return;
        yield rows;
      }
    },
    async close() {
      if (!open) return;
      open = false;
      try {
        await client.query("commit");
      } finally {
        await release();
      }
    },
  };
}

/** Opens a snapshot on a connection of its own (for a worker thread, which cannot use the process's pool). */
export async function openSnapshotFrom(source: SnapshotSource, applicationName: string): Promise<Snapshot> {
  if (source.dialect === "sqlite") return openSqliteSnapshot(source.file);
  const client = new pg.Client({ connectionString: source.url, application_name: applicationName });
  await client.connect();
  return openPostgresSnapshot(client, () => client.end());
}
