import Database from "better-sqlite3";
import { asc, count, getTableColumns, gt, type Table } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { getTableConfig as postgresTableConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { migrateSqlite } from "./migrate";
import { migratePostgres } from "./postgres-connection";
import * as postgresTables from "./schema-postgres";
import * as sqliteTables from "./schema/sqlite";

/** Tables in an order that satisfies every foreign key when they are filled one after another. */
const TABLES = [
  "documents",
  "documentTexts",
  "settings",
  "users",
  "accounts",
  "sessions",
  "verificationTokens",
  "delegations",
  "delegationDocuments",
  "delegationMembers",
  "dispatches",
  "dossiers",
  "deliveries",
  "deliveryItems",
  "signatures",
  "confirmationTokens",
  "updates",
  "outbox",
  "mailLedger",
  "formStamps",
  "auditLog",
] as const satisfies readonly (keyof typeof sqliteTables & keyof typeof postgresTables)[];

type TableName = (typeof TABLES)[number];
type Row = Record<string, unknown>;
const BATCH = 500;

/** One end of a copy: a SQLite file or a PostgreSQL URL, read and written with that dialect's tables. */
type End = {
  label: string;
  count: (name: TableName) => Promise<number>;
  /** Rows in primary-key order, a page at a time: after the last row's key, or (composite keys) an offset. */
  page: (name: TableName, last: Row | undefined, offset: number) => Promise<Row[]>;
  insert: (name: TableName, rows: Row[]) => Promise<void>;
  /** After explicit ids were written: PostgreSQL's identity sequences continue after them. */
  finish: () => Promise<void>;
  counters: () => Promise<Counter[]>;
  close: () => Promise<void>;
};

const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//.test(target);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop over every table's own type
type AnySelect = any;

/** A page of rows in key order: keyset on a single-column key (fast at any depth), offset otherwise. */
function pageQuery(select: AnySelect, table: Table, name: TableName, last: Row | undefined, offset: number) {
  const columns = getTableColumns(table);
  const keys = keysOf(name);
  const ordered = select.orderBy(...keys.map((key) => asc(columns[key]))).limit(BATCH);
  if (keys.length > 1) return ordered.offset(offset);
  return last ? ordered.where(gt(columns[keys[0]], last[keys[0]])) : ordered;
}

function keysOf(name: TableName): string[] {
  const config = sqliteTableConfig(sqliteTables[name] as SQLiteTable);
  const columns = Object.entries(getTableColumns(sqliteTables[name] as SQLiteTable));
  const property = (sqlName: string) => columns.find(([, column]) => column.name === sqlName)![0];
  const single = config.columns.filter((column) => column.primary).map((column) => property(column.name));
  const composite = config.primaryKeys.flatMap((key) => key.columns.map((column) => property(column.name)));
  return single.length > 0 ? single : composite;
}

// Plain SQL that both dialects read alike: each document's kept count and a recount of its rows.
const COUNTERS = `select d.slug, d.signature_count as kept,
  (select count(*) from signatures s where s.document_id = d.id and s.state = 'confirmed') as actual
  from documents d order by d.id`;
type Counter = { slug: string; kept: number | string; actual: number | string };

async function openSqliteEnd(file: string, create: boolean): Promise<End> {
  const client = new Database(file, { fileMustExist: !create });
  client.pragma("foreign_keys = ON");
  const db = drizzleSqlite(client);
  if (create) migrateSqlite(db);
  const table = (name: TableName) => sqliteTables[name] as SQLiteTable;
  return {
    label: file,
    count: async (name) => db.select({ rows: count() }).from(table(name)).get()!.rows,
    page: async (name, last, offset) =>
      (await pageQuery(db.select().from(table(name)), table(name), name, last, offset)) as Row[],
    insert: async (name, rows) => {
      db.insert(table(name)).values(rows).run();
    },
    finish: async () => {},
    counters: async () => client.prepare<[], Counter>(COUNTERS).all(),
    close: async () => void client.close(),
  };
}

async function openPostgresEnd(url: string, create: boolean): Promise<End> {
  if (create) await migratePostgres(url, { seed: false });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = drizzlePostgres(client);
  const table = (name: TableName) => postgresTables[name] as AnySelect;
  return {
    label: url.replace(/\/\/[^@/]*@/, "//…@"),
    count: async (name) => (await db.select({ rows: count() }).from(table(name)))[0].rows,
    page: async (name, last, offset) => pageQuery(db.select().from(table(name)), table(name), name, last, offset),
    insert: async (name, rows) => {
      await db.insert(table(name)).values(rows);
    },
    finish: async () => {
      for (const name of TABLES) {
        const { name: sqlName, columns } = postgresTableConfig(table(name));
        if (!columns.some((column) => column.name === "id" && column.dataType === "number")) continue;
        await client.query(
          `select setval(pg_get_serial_sequence('"${sqlName}"', 'id'), coalesce((select max(id) from "${sqlName}"), 0) + 1, false)`,
        );
      }
    },
    counters: async () => (await client.query<Counter>(COUNTERS)).rows,
    close: () => client.end(),
  };
}

const openEnd = (target: string, create: boolean) =>
  isPostgresUrl(target) ? openPostgresEnd(target, create) : openSqliteEnd(target, create);

export type CopyReport = { tables: { name: string; rows: number }[]; counters: { slug: string; kept: number }[] };

/**
 * Copies every table of a campaign's database to an empty one of either dialect, in foreign-key order,
 * keeping ids, then checks that each table has as many rows on both sides and that every document's kept
 * count equals a recount. Refuses a target that holds any row.
 */
export async function copyDatabase(
  from: string,
  to: string,
  onProgress: (table: string, done: number, total: number) => void = () => {},
): Promise<CopyReport> {
  const source = await openEnd(from, false);
  const target = await openEnd(to, true);
  try {
    for (const name of TABLES) {
      if ((await target.count(name)) > 0)
        throw new Error(`The target is not empty (${name} has rows): copy only into a new, empty database.`);
    }
    const tables: CopyReport["tables"] = [];
    for (const name of TABLES) {
      const total = await source.count(name);
      let last: Row | undefined;
      for (let done = 0; done < total;) {
        const rows = await source.page(name, last, done);
        if (rows.length === 0) break;
        await target.insert(name, rows);
        done += rows.length;
        last = rows.at(-1);
        onProgress(name, done, total);
      }
      const copied = await target.count(name);
      if (copied !== total) throw new Error(`${name}: ${total} rows in the source, ${copied} in the target`);
      tables.push({ name, rows: copied });
    }
    await target.finish();
    const counters = await target.counters();
    const drifted = counters.filter((counter) => Number(counter.kept) !== Number(counter.actual));
    if (drifted.length > 0) throw new Error(`Counters differ from a recount: ${drifted.map((d) => d.slug).join(", ")}`);
    return { tables, counters: counters.map(({ slug, kept }) => ({ slug, kept: Number(kept) })) };
  } finally {
    await source.close();
    await target.close();
  }
}
