// Every query is written once against the SQLite tables and runs unchanged on their PostgreSQL twins: this
// keeps the two definitions alike, column by column, key by key and index by index.
import { getTableColumns, getTableName, is, SQL, Table, type Column } from "drizzle-orm";
import {
  getTableConfig as postgresConfig,
  integer as pgInteger,
  PgCustomColumn,
  PgTable,
  pgTable,
} from "drizzle-orm/pg-core";
import {
  getTableConfig as sqliteConfig,
  integer as sqliteInteger,
  SQLiteTable,
  sqliteTable,
} from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as sqliteTables from "@/db/schema/sqlite";
import * as postgresTables from "@/db/schema-postgres";

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof postgresConfig>;

const tablesOf = (exports: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(exports).filter(([, value]) => is(value, Table))) as Record<string, Table>;

/** What the JavaScript side sees of a column's values: PostgreSQL's custom columns stand in for SQLite modes. */
function valueKind(column: Column): string {
  if (is(column, PgCustomColumn)) {
    const sqlType = column.getSQLType();
    return sqlType === "bigint" ? "date" : sqlType === "jsonb" ? "json" : `custom ${sqlType}`;
  }
  return column.dataType;
}

function defaultOf(column: Column): unknown {
  if (column.defaultFn) return "function";
  if (!column.hasDefault || column.default === undefined) return undefined;
  return is(column.default, SQL) ? "sql" : column.default;
}

/** A dialect-free account of a table: what both definitions must agree on. */
function describeTable(table: Table) {
  const config: Config = is(table, PgTable) ? postgresConfig(table) : sqliteConfig(table as SQLiteTable);
  const compositeKey = config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name));
  const columns = Object.entries(getTableColumns(table))
    .map(([property, column]) => ({
      property,
      name: column.name,
      notNull: column.notNull,
      primaryKey: column.primary || compositeKey.includes(column.name),
      hasDefault: column.hasDefault,
      default: defaultOf(column),
      unique: column.isUnique ? column.uniqueName : undefined,
      values: valueKind(column),
      enumValues: column.enumValues?.length ? column.enumValues : undefined,
    }))
    .sort((a, b) => a.property.localeCompare(b.property));
  const indexes = config.indexes
    .map(({ config: index }) => ({
      name: index.name,
      unique: index.unique,
      columns: index.columns.map((column) => ("name" in column ? column.name : "(expression)")),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const foreignKeys = config.foreignKeys
    .map((key) => {
      const reference = key.reference();
      return {
        columns: reference.columns.map((column) => column.name),
        table: getTableName(reference.foreignTable),
        foreignColumns: reference.foreignColumns.map((column) => column.name),
        onDelete: key.onDelete ?? "no action",
      };
    })
    .sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
  return {
    name: config.name,
    columns,
    compositeKeys: config.primaryKeys.map((key) => key.columns.map((column) => column.name)),
    uniqueConstraints: config.uniqueConstraints.map((unique) => unique.getName()).sort(),
    indexes,
    foreignKeys,
    checks: config.checks.map((check) => check.name).sort(),
  };
}

const sqlite = tablesOf(sqliteTables);
const postgres = tablesOf(postgresTables);

describe("the PostgreSQL schema is the SQLite schema's twin", () => {
  it("has a table for every SQLite table, under the same export name, and no other", () => {
    expect(Object.keys(sqlite).length).toBeGreaterThanOrEqual(21);
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    for (const table of Object.values(postgres)) expect(is(table, PgTable)).toBe(true);
  });

  it("exports nothing but tables", () => {
    expect(Object.keys(postgresTables).sort()).toEqual(Object.keys(postgres).sort());
  });

  it.each(Object.keys(sqlite))("%s: same name, columns, keys, indexes, foreign keys and checks", (key) => {
    expect(postgres[key], `no PostgreSQL twin for ${key}`).toBeDefined();
    expect(describeTable(postgres[key])).toEqual(describeTable(sqlite[key]));
  });

  it("tells tables apart when a column is on one side only", () => {
    const one = sqliteTable("probe", { id: sqliteInteger("id").primaryKey(), count: sqliteInteger("count") });
    const other = pgTable("probe", { id: pgInteger("id").primaryKey() });
    expect(describeTable(other)).not.toEqual(describeTable(one));
  });
});
