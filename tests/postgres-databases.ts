import { randomBytes } from "node:crypto";
import pg from "pg";

/** The local server every machine of this project runs (trust authentication); TEST_POSTGRES_URL overrides. */
export const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database for one test file or test server; drop() removes it. */
export async function createTestDatabase(purpose: string) {
  const name = `delegation_${purpose}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`create database "${name}"`));
  return {
    name,
    url: `${POSTGRES_SERVER}/${name}`,
    drop: () => onServer((client) => client.query(`drop database if exists "${name}" with (force)`)),
  };
}
