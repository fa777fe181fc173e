import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Each test file gets its own real SQLite file and mailbox in a fresh temporary folder.
const dir = mkdtempSync(path.join(tmpdir(), "delegation-unit-"));
process.env.DATABASE_PATH = path.join(dir, "app.db");
process.env.MAIL_DIR = path.join(dir, "mail");
process.env.AUTH_SECRET = "unit-test-secret";
process.env.APP_URL = "http://petitions.test";
delete process.env.RESEND_API_KEY;
// Scripts the tests start with tsx load server modules outside Next (see tsconfig.scripts.json).
process.env.TSX_TSCONFIG_PATH = "tsconfig.scripts.json";
