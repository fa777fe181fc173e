// SQLite only, by nature: these are SQLite's own query plans (vitest.config.ts keeps it off PostgreSQL).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDatabase } from "@/db";
import { hashToken } from "@/lib/security/tokens";
import { countReviewStates, listHeldSignatures, topAddressHashes, topEmailDomains } from "./anomalies";
import { listRecentPublicSigners } from "./documents";
import { listSignatures } from "./moderation";
import { claimDueMessages } from "./outbox";
import { findSignatureByToken } from "./confirming";

// A read-only connection of the test's own to the app's database file, to ask SQLite for plans.
let explainer: Database.Database;

beforeAll(async () => {
  await ensureDatabase(); // migrated and seeded before any statement is watched
  explainer = new Database(process.env.DATABASE_PATH!, { readonly: true, fileMustExist: true });
});

afterAll(() => explainer.close());

/** Runs a query function and returns SQLite's plan for every statement it ran. */
async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
  // The app's connection keeps its prepared statements, so watch them run rather than being prepared:
  // readers run through raw(), writers without RETURNING through run().
  const statement = Object.getPrototypeOf(explainer.prepare("select 1")) as Database.Statement<unknown[]>;
  const { raw, run: runStatement } = statement;
  const statements: string[] = [];
  statement.raw = function (this: Database.Statement<unknown[]>, ...args: Parameters<typeof raw>) {
    statements.push(this.source);
    return raw.apply(this, args);
  } as typeof raw;
  statement.run = function (this: Database.Statement<unknown[]>, ...args: Parameters<typeof runStatement>) {
    statements.push(this.source);
    return runStatement.apply(this, args);
  } as typeof runStatement;
  try {
    await run();
  } finally {
    statement.raw = raw;
    statement.run = runStatement;
  }
  return statements
    .filter((source) => /^\s*(select|update)/i.test(source))
    .map((source) => {
      const placeholders = (source.match(/\?/g) ?? []).length;
      const rows = explainer.prepare(`explain query plan ${source}`).all(...Array(placeholders).fill(null)) as {
        detail: string;
      }[];
      return rows.map((row) => row.detail).join("; ");
    });
}

describe("query plans: the hot and the admin queries use indexes", () => {
  it("looks a confirmation token up by its primary key", async () => {
    const [plan] = await plansOf(() => findSignatureByToken(hashToken("x")));
    expect(plan).toMatch(
      /SEARCH confirmation_tokens USING INDEX sqlite_autoindex_confirmation_tokens_1 \(token_hash=\?\)/,
    );
  });

  it("lists recent public signers from the document/state/confirmed index, without sorting", async () => {
    const [plan] = await plansOf(() => listRecentPublicSigners(1));
    expect(plan).toMatch(
      /SEARCH signatures USING INDEX signatures_document_state_confirmed \(document_id=\? AND state=\?\)/,
    );
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("pages through signatures by id (keyset) without a sort, also when filtered by document and state", async () => {
    for (const filter of [
      {},
      { state: "confirmed" as const },
      { document: "moscow-trials", state: "pending" as const },
    ]) {
      const [plan] = await plansOf(() => listSignatures(filter, 1000));
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      expect(plan).toMatch(/signatures USING (INTEGER PRIMARY KEY|INDEX)/);
    }
  });

  it("finds due outbox messages through the status/priority/next-attempt index, already in sending order", async () => {
    const plans = await plansOf(() => claimDueMessages(100, 60_000));
    expect(plans[0]).toMatch(/SEARCH outbox USING INDEX outbox_due \(status=\?/);
    expect(plans[0]).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("finds a window's busiest address hashes from the document/address index alone, its domains from created_at", async () => {
    const since = new Date(Date.now() - 3600_000);
    const [addresses] = await plansOf(() => topAddressHashes(1, since));
    expect(addresses).toMatch(/SEARCH signatures USING COVERING INDEX signatures_document_ip \(document_id=\?/);
    const [domains] = await plansOf(() => topEmailDomains(1, since));
    expect(domains).toMatch(/SEARCH signatures USING INDEX signatures_created \(created_at>\?\)/);
    for (const plan of [addresses, domains]) expect(plan).not.toMatch(/SCAN signatures/);
  });

  it("lists held signatures and counts held and flagged ones through indexes", async () => {
    const [held] = await plansOf(() => listHeldSignatures(1));
    expect(held).toMatch(
      /SEARCH signatures USING INDEX signatures_document_state_confirmed \(document_id=\? AND state=\?\)/,
    );
    expect(held).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const [counts] = await plansOf(() => countReviewStates());
    expect(counts).toMatch(/SEARCH signatures USING INDEX signatures_state \(state=\?\)/);
  });
});
