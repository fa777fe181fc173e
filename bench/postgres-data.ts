// The PostgreSQL databases of `npm run bench -- --databases`: made and dropped, and read after the app ran on
// them (the twins of app-data.ts's SQLite reads).
import pg from "pg";
import { createTestDatabase, POSTGRES_SERVER } from "@/tests/postgres-databases";
import { OUTBOX_BACKLOG, PENDING_PAYLOADS, tokensOf } from "./app-data";

async function rows<T extends unknown[]>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>({ text, values, rowMode: "array" })).rows;
  } finally {
    await client.end();
  }
}

export async function postgresPendingTokens(url: string): Promise<string[]> {
  return tokensOf((await rows<[{ tokenNonce: string }]>(url, PENDING_PAYLOADS)).map(([payload]) => payload));
}

/** Documents whose kept count differs from a recount of their confirmed rows. */
export async function postgresCounterDrift(url: string): Promise<string[]> {
  const counters = await rows<[string, string, string]>(
    url,
    `select d.slug, d.signature_count, (select count(*) from signatures s
       where s.document_id = d.id and s.state = 'confirmed') from documents d order by d.id`,
  );
  return counters.filter(([, kept, actual]) => Number(kept) !== Number(actual)).map(([slug]) => slug);
}

/** Which of these emails have no row. */
export async function postgresMissingRows(url: string, emails: string[]): Promise<number> {
  const present = new Set((await rows<[string]>(url, "select email from signatures")).map(([email]) => email));
  return emails.filter((email) => !present.has(email)).length;
}

export async function postgresOutboxBacklog(url: string): Promise<number> {
  const [[backlog]] = await rows<[string]>(url, OUTBOX_BACKLOG);
  return Number(backlog);
}

/** The server processes serving a database's connections now (asked of another database, not to be one). */
export async function postgresBackends(name: string): Promise<number[]> {
  const backends = await rows<[number]>(
    `${POSTGRES_SERVER}/postgres`,
    "select pid from pg_stat_activity where datname = $1",
    [name],
  );
  return backends.map(([pid]) => pid);
}

export async function postgresVersion(): Promise<string> {
  const [[version]] = await rows<[string]>(`${POSTGRES_SERVER}/postgres`, "show server_version");
  return version.split(" ")[0];
}

export type BenchDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

export type BenchDatabases = ReturnType<typeof benchDatabases>;

/** The PostgreSQL databases a run creates, each new and empty, so that its end drops every one of them. */
export function benchDatabases() {
  const created: BenchDatabase[] = [];
  return {
    async create(purpose: string): Promise<BenchDatabase> {
      const database = await createTestDatabase(`bench_${purpose}`);
      created.push(database);
      return database;
    },
    /** Drops them all, ending their connections: the names dropped, and those that could not be. */
    async dropAll(): Promise<{ dropped: string[]; failed: string[] }> {
      const dropping = created.splice(0);
      const results = await Promise.allSettled(dropping.map((database) => database.drop()));
      const names = (status: string) =>
        dropping.filter((_, i) => results[i].status === status).map((database) => database.name);
      return { dropped: names("fulfilled"), failed: names("rejected") };
    },
  };
}
