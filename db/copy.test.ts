// A campaign moves from the embedded SQLite file to PostgreSQL (and back) with every row, id and counter.
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/postgres-databases";
import { copyDatabase } from "./copy";
import { generateSignatures } from "./generate-signatures";
import { openSqliteFile } from "./index";

const SIGNATURES = 100_000;
const dir = mkdtempSync(path.join(tmpdir(), "delegation-copy-"));
const source = path.join(dir, "campaign.db");
const databases: Awaited<ReturnType<typeof createTestDatabase>>[] = [];

async function newPostgres() {
  const database = await createTestDatabase("copy");
  databases.push(database);
  return database.url;
}

function sqliteRows(file: string, query: string) {
  const client = new Database(file, { readonly: true });
  try {
    return client.prepare(query).all();
  } finally {
    client.close();
  }
}

async function postgresRows(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}

const SIGNATURE_SAMPLE = `select id, document_id, name, email, state, updates, created_at, confirmed_at
  from signatures where id % 997 = 0 order by id`;
const normalise = (rows: unknown[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row as Record<string, unknown>).map(([key, value]) => [
        key,
        // SQLite keeps booleans as 0/1 and PostgreSQL bigints arrive as strings: compare the values.
        typeof value === "boolean"
          ? Number(value)
          : typeof value === "string" && /^\d+$/.test(value)
            ? Number(value)
            : value,
      ]),
    ),
  );

beforeAll(async () => {
  const opened = await openSqliteFile(source);
  generateSignatures(opened.client, { count: SIGNATURES, seed: 7, withOutbox: { secret: "copy-test" } });
  await opened.close();
}, 120_000);

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("copying a campaign between SQLite and PostgreSQL", () => {
  it("copies every row with its id to PostgreSQL and back, with counters equal to a recount", async () => {
    const postgres = await newPostgres();
    const there = await copyDatabase(source, postgres);
    const signatures = there.tables.find((table) => table.name === "signatures");
    expect(signatures?.rows).toBeGreaterThanOrEqual(SIGNATURES);
    expect(there.tables.find((table) => table.name === "outbox")?.rows).toBeGreaterThan(0);
    expect(there.counters.reduce((sum, counter) => sum + counter.kept, 0)).toBeGreaterThan(SIGNATURES / 2);
    expect(normalise(await postgresRows(postgres, SIGNATURE_SAMPLE))).toEqual(
      normalise(sqliteRows(source, SIGNATURE_SAMPLE)),
    );

    // New rows on PostgreSQL take ids after the copied ones.
    const [{ id }] = await postgresRows(
      postgres,
      `insert into mail_ledger (purpose, recipient_hash) values ('signing', 'x') returning id`,
    );
    const [{ highest }] = sqliteRows(source, "select max(id) as highest from mail_ledger") as { highest: number }[];
    expect(Number(id)).toBeGreaterThan(highest ?? 0);

    const back = path.join(dir, "back.db");
    const returned = await copyDatabase(postgres, back);
    expect(returned.counters).toEqual(there.counters);
    expect(normalise(sqliteRows(back, SIGNATURE_SAMPLE))).toEqual(normalise(sqliteRows(source, SIGNATURE_SAMPLE)));
  }, 300_000);

  it("refuses a target that already holds a campaign, and leaves it as it was", async () => {
    const postgres = await newPostgres();
    await copyDatabase(source, postgres);
    const before = await postgresRows(postgres, "select count(*)::int as rows from signatures");
    await expect(copyDatabase(source, postgres)).rejects.toThrow(/not empty/);
    expect(await postgresRows(postgres, "select count(*)::int as rows from signatures")).toEqual(before);
  }, 300_000);

  it("refuses a source file that does not exist, creating nothing", async () => {
    const missing = path.join(dir, "missing.db");
    await expect(copyDatabase(missing, await newPostgres())).rejects.toThrow();
    expect(() => new Database(missing, { fileMustExist: true })).toThrow();
  });
});
