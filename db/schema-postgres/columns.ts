import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

// Column types that make a PostgreSQL column read and write the JavaScript values of its SQLite twin.

/**
 * SQLite's integer({ mode: "timestamp_ms" }): a Date in JavaScript, milliseconds since the epoch in the
 * database (bigint), so that raw SQL comparing such a column with Date.now() means the same on both.
 */
export const timestampMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  // node-postgres returns bigint as a string (JSON results as a number).
  fromDriver: (value) => new Date(Number(value)),
});

/**
 * SQLite's text({ mode: "json" }) as jsonb. Unlike pg-core's jsonb, a value node-postgres has already
 * parsed is returned as it is: a stored JSON string such as "42" stays the string "42", as it does on SQLite.
 */
export const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});

/** The current time in milliseconds since the epoch: the default of timestampMs columns. */
export const nowMs = sql`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`;
