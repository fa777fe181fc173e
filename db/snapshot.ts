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
   * The rows in batches of up to `size` (the last may be shorter, none is empty), read as they are asked for:
   * one await per batch rather than per row. PostgreSQL's are read one batch ahead (two held at a time), so
   * that the database sends the next while the caller works on this one.
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

// pg's own parser for bigint returns the text it was given once a regular expression agrees it is digits:
// the text without the test (the cost showed in a million rows' export).
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 ? (text: string) => text : pg.types.getTypeParser(oid, format),
};

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
      const count = Math.max(1, Math.floor(size));
      const fetch = () => client.query<unknown[]>({ text: `fetch ${count} from ${cursor}`, rowMode: "array", types });
      // The next batch is asked for before this one is handed on: PostgreSQL reads and sends it while the
      // caller works on this one, instead of each waiting for the other.
      let next = fetch();
      try {
        for (;;) {
          const { rows } = await next;
          // A short batch is the last: no round trip to learn that the cursor ran out.
          if (rows.length < count) {
            if (rows.length > 0) yield rows;
            return;
          }
          next = fetch();
          yield rows;
        }
      } finally {
        // Closed early, a batch asked for ahead is still on its way: the connection answers in order, so it
        // is let arrive (and dropped) before the snapshot's commit.
        await next.catch(() => {});
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
