import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createTestDatabase } from "./postgres-databases";

// Each test file gets its own real database (a SQLite file, or a new PostgreSQL database in the postgres
// project) and mailbox in a fresh temporary folder.
const dir = mkdtempSync(path.join(tmpdir(), "delegation-unit-"));
process.env.DATABASE_PATH = path.join(dir, "app.db");
process.env.MAIL_DIR = path.join(dir, "mail");
process.env.AUTH_SECRET = "unit-test-secret";
process.env.APP_URL = "http://petitions.test";
delete process.env.RESEND_API_KEY;
delete process.env.DATABASE_URL;
// Scripts the tests start with tsx load server modules outside Next (see tsconfig.scripts.json).
process.env.TSX_TSCONFIG_PATH = "tsconfig.scripts.json";

if (process.env.TEST_DATABASE === "postgres") {
  const database = await createTestDatabase("unit");
  process.env.DATABASE_URL = database.url;
  afterAll(async () => {
    const { closeDatabase } = await import("@/db");
    await closeDatabase();
    await database.drop();
  });
}
