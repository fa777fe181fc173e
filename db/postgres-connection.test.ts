import pg from "pg";
import { afterAll, expect, it, vi } from "vitest";
import { documents } from "@/db/schema";
import { createTestDatabase } from "@/tests/postgres-databases";
import { openPostgres } from "./postgres-connection";

const database = await createTestDatabase("connection");
const connection = openPostgres(database.url, 2);
afterAll(async () => {
  await connection.close();
  await database.drop();
});

it("outlives the server closing its idle connections, and the next query is answered", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  await connection.ready;
  const before = await connection.db.select({ id: documents.id }).from(documents);
  // As a restart or an administrator would: every connection to the database but the one asking is ended.
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(
    "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  await admin.end();
  await vi.waitFor(() =>
    expect(logged).toHaveBeenCalledWith("PostgreSQL closed an idle connection:", expect.any(String)),
  );
  await expect(connection.db.select({ id: documents.id }).from(documents)).resolves.toEqual(before);
  logged.mockRestore();
});
