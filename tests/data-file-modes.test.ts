import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ensureDatabase, getDb } from "@/db";
import { documents } from "@/db/schema";
import { sendEmails } from "@/emails/transport/send";
import { getConfig } from "@/lib/config";
import { generateDossier } from "@/server/dossier/generate";

const mode = (file: string) => statSync(file).mode & 0o777;

// SQLite only, by nature: the modes of its database file, WAL and SHM (vitest.config.ts runs tests/ on SQLite).
// Signers' names and addresses live in these files: whatever the process umask, only the server's user reads them.
describe("data files and folders", { timeout: 30_000 }, () => {
  it("are created 0600 and 0700: the database with its WAL and SHM, the mailbox, a dossier", async () => {
    const previous = process.umask(0o022); // the usual default, which would leave them world-readable
    try {
      await ensureDatabase(); // opened, migrated and seeded under that umask
      const db = getDb();
      const database = path.resolve(getConfig().DATABASE_PATH);
      for (const file of [database, `${database}-wal`, `${database}-shm`]) expect(mode(file), file).toBe(0o600);
      expect(mode(path.dirname(database))).toBe(0o700);

      await sendEmails(
        [{ key: "modes-test", email: { to: "a@example.org", subject: "s", html: "<p>h</p>", text: "t" } }],
        "k",
      );
      const mailDir = path.resolve(getConfig().MAIL_DIR);
      expect(mode(mailDir)).toBe(0o700);
      expect(mode(path.join(mailDir, "modes-test.json"))).toBe(0o600);

      const dossiers = path.join(path.dirname(database), "dossiers");
      mkdirSync(dossiers, { recursive: true, mode: 0o700 });
      const file = path.join(dossiers, "modes.pdf");
      const [document] = await db.select().from(documents).where(eq(documents.slug, "moscow-trials"));
      await generateDossier({ documentId: document.id, locale: "en", file });
      expect(mode(file)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
