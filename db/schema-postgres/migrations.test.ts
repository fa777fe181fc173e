// The PostgreSQL migrations build the schema the twin tables describe, with the audit log append-only as
// on SQLite, and the tables read back the JavaScript values the SQLite ones do.
import { eq } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, documents, outbox, settings, signatures } from "@/db/schema-postgres";
import { createTestDatabase } from "@/tests/postgres-databases";

const DAY = 86_400_000;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: pg.Client;
let db: NodePgDatabase;

beforeAll(async () => {
  database = await createTestDatabase("schema");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  db = drizzle(client);
  await migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations-postgres") });
}, 60_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function newAuditEntry(at?: Date) {
  const [entry] = await db
    .insert(auditLog)
    .values({ actor: "test", action: "probe", details: { n: 1 }, ...(at ? { at } : {}) })
    .returning();
  return entry;
}

/** The message of the error a statement fails with, or undefined when it succeeds. */
async function failureOf(statement: string, values: unknown[] = []): Promise<string | undefined> {
  try {
    await client.query(statement, values);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("PostgreSQL migrations", () => {
  it("store audit entries, with their time in milliseconds", async () => {
    const before = Date.now();
    const entry = await newAuditEntry();
    expect(entry.at).toBeInstanceOf(Date);
    expect(entry.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(entry.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(entry.details).toEqual({ n: 1 });
    const { rows } = await client.query("select at::text as at from audit_log where id = $1", [entry.id]);
    expect(rows[0].at).toBe(String(entry.at.getTime()));
  });

  it("refuse to change an audit entry", async () => {
    const entry = await newAuditEntry();
    expect(await failureOf("update audit_log set actor = 'someone else' where id = $1", [entry.id])).toMatch(
      /append-only/,
    );
    const [unchanged] = await db.select().from(auditLog).where(eq(auditLog.id, entry.id));
    expect(unchanged.actor).toBe("test");
  });

  it("refuse to delete an audit entry younger than 365 days", async () => {
    const entry = await newAuditEntry(new Date(Date.now() - 364 * DAY));
    expect(await failureOf("delete from audit_log where id = $1", [entry.id])).toMatch(/365 days/);
    expect(await db.select().from(auditLog).where(eq(auditLog.id, entry.id))).toHaveLength(1);
  });

  it("delete an audit entry older than 365 days", async () => {
    const entry = await newAuditEntry(new Date(Date.now() - 400 * DAY));
    const result = await client.query("delete from audit_log where id = $1", [entry.id]);
    expect(result.rowCount).toBe(1);
  });

  it("refuse to empty the audit log", async () => {
    await newAuditEntry();
    expect(await failureOf("truncate audit_log")).toMatch(/append-only/);
    const { rows } = await client.query("select count(*)::int as entries from audit_log");
    expect(rows[0].entries).toBeGreaterThan(0);
  });

  it("read signatures back as Dates and booleans", async () => {
    const [document] = await db.insert(documents).values({ slug: "twin", kind: "petition", goal: 10 }).returning();
    expect(document.createdAt).toBeInstanceOf(Date);
    const createdAt = new Date(1_700_000_000_123);
    const [{ id }] = await db
      .insert(signatures)
      .values({
        documentId: document.id,
        name: "Ada",
        email: "ada@example.org",
        emailKey: "ada@example.org",
        country: "GB",
        display: "full",
        updates: true,
        createdAt,
      })
      .returning({ id: signatures.id });
    const [signature] = await db.select().from(signatures).where(eq(signatures.id, id));
    expect(signature.createdAt).toBeInstanceOf(Date);
    expect(signature.createdAt.getTime()).toBe(createdAt.getTime());
    expect(signature.updates).toBe(true);
    expect(signature.confirmedAt).toBeNull();
    expect(signature.state).toBe("pending");
  });

  it("read JSON values back as they were written", async () => {
    const values: Record<string, unknown> = { text: "42", number: 42, object: { a: [1, "b"] }, flag: false };
    for (const [key, value] of Object.entries(values)) await db.insert(settings).values({ key, value });
    const read = await db.select().from(settings);
    expect(Object.fromEntries(read.map((setting) => [setting.key, setting.value]))).toEqual(values);
  });

  it("keep explicit ids insertable, as the copy tool writes them", async () => {
    await db.insert(documents).values({ id: 500, slug: "copied", kind: "letter", goal: 1 });
    await client.query(
      `select setval(pg_get_serial_sequence('"documents"', 'id'), (select max(id) from documents) + 1, false)`,
    );
    const [next] = await db.insert(documents).values({ slug: "next", kind: "letter", goal: 1 }).returning();
    expect(next.id).toBe(501);
  });

  it("give the outbox its lease column", async () => {
    const { rows } = await client.query(
      "select data_type from information_schema.columns where table_name = 'outbox' and column_name = 'lease_expires_at'",
    );
    expect(rows).toEqual([{ data_type: "bigint" }]);
    const lease = new Date(Date.now() + 60_000);
    const [message] = await db
      .insert(outbox)
      .values({ template: "probe", recipient: "a@example.org", payload: {}, leaseExpiresAt: lease })
      .returning();
    expect(message.leaseExpiresAt?.getTime()).toBe(lease.getTime());
    expect(message.nextAttemptAt).toBeInstanceOf(Date);
  });
});
