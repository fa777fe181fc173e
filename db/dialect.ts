import { sql, type Column, type SQL } from "drizzle-orm";
import type { Executor } from "./index";

// The few places where SQLite and PostgreSQL differ, named; every other query is written once.

/** Which database the app runs on: PostgreSQL when DATABASE_URL names one, else the embedded SQLite file. */
export type Dialect = "sqlite" | "postgres";

export function activeDialect(): Dialect {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "postgres" : "sqlite";
}

type PostgresExecutor = { execute: (query: SQL) => Promise<unknown> };

/** Runs a statement that is not a query builder's (DDL-free maintenance: recounts, locks, pings). */
export async function runStatement(db: Executor, query: SQL): Promise<void> {
  if (activeDialect() === "postgres") await (db as unknown as PostgresExecutor).execute(query);
  else await db.run(query);
}

/**
 * Serialises transactions that touch the same key until they end. On SQLite every write transaction is
 * already the only one; on PostgreSQL several instances need a transaction-scoped advisory lock.
 */
export async function lockForTransaction(tx: Executor, key: string): Promise<void> {
  if (activeDialect() === "postgres") await runStatement(tx, sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** A JSON column's top-level number field, to compare with numbers (SQLite json_extract; PostgreSQL ->>). */
export function jsonNumber(column: Column, field: string): SQL {
  return activeDialect() === "postgres"
    ? sql`(${column} ->> ${field})::numeric`
    : sql`json_extract(${column}, ${"$." + field})`;
}

/** How many rows of the group match `condition` (FILTER works on both: SQLite 3.30+, PostgreSQL 9.4+). */
export function countWhere(condition: SQL | undefined) {
  return sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
}

/** A JSON object built in SQL from named expressions (SQLite json_object; PostgreSQL jsonb_build_object). */
export function jsonObject(fields: Record<string, SQL | Column>): SQL {
  const pairs = sql.join(
    Object.entries(fields).map(([name, value]) => sql`${sql.raw(`'${name}'`)}, ${value}`),
    sql`, `,
  );
  return activeDialect() === "postgres" ? sql`jsonb_build_object(${pairs})` : sql`json_object(${pairs})`;
}

/** The UTC day (YYYY-MM-DD) of a millisecond timestamp column. */
export function utcDayOf(column: Column): SQL<string> {
  return activeDialect() === "postgres"
    ? sql<string>`to_char(to_timestamp(${column} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`;
}

/** The part of an email address after its @. */
export function emailDomainOf(column: Column): SQL<string> {
  return activeDialect() === "postgres"
    ? sql<string>`split_part(${column}, '@', 2)`
    : sql<string>`substr(${column}, instr(${column}, '@') + 1)`;
}

/** LIKE that ignores case, as SQLite's does (for ASCII letters; PostgreSQL's LIKE would not), escaped by \\. */
export function likeIgnoringCase(column: Column, pattern: string): SQL {
  const operator = activeDialect() === "postgres" ? sql.raw("ilike") : sql.raw("like");
  return sql`${column} ${operator} ${pattern} escape '\\'`;
}
