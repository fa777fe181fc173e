import Database from "better-sqlite3";

type RawQuery = { sql: string; params: unknown[] };

/**
 * A read-only view of the database frozen when it was opened, on a connection of its own: a long export
 * or dossier neither blocks people signing nor sees rows that change while it is read. Rows come as arrays
 * of column values, as the driver gives them (numbers, or strings for PostgreSQL's bigint).
 */
export type Snapshot = {
  first: (query: RawQuery) => Promise<unknown[] | undefined>;
  rows: (query: RawQuery) => AsyncGenerator<unknown[]>;
  close: () => Promise<void>;
};

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
    async *rows({ sql, params }) {
      yield* reader
        .prepare<unknown[], unknown[]>(sql)
        .raw(true)
        .iterate(...params);
    },
    async close() {
      if (!reader.open) return;
      if (reader.inTransaction) reader.exec("commit");
      reader.close();
    },
  };
}
