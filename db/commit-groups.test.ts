import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitGroups } from "./commit-groups";
import type { Tx } from "./index";
import { sqliteExecutor } from "./sqlite-connection";

let dir: string;
let client: Database.Database;
let reader: Database.Database;
let transactions: number;
let inGroup: ReturnType<typeof commitGroups>;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "commit-groups-"));
  const file = path.join(dir, "groups.db");
  client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.exec("create table names (id integer primary key, name text not null unique)");
  // A second connection sees only what is committed.
  reader = new Database(file, { readonly: true });
  const { execute, exclusive } = sqliteExecutor(client);
  const db = drizzle(execute);
  transactions = 0;
  inGroup = commitGroups((work) => {
    transactions++;
    return exclusive(() => db.transaction(work, { behavior: "immediate" }));
  });
});

afterEach(() => {
  reader.close();
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const committed = () =>
  (reader.prepare("select name from names order by id").all() as { name: string }[]).map((row) => row.name);

function insert(name: string) {
  return async (tx: Tx) => {
    await tx.run(sql`insert into names (name) values (${name})`);
    return name.toUpperCase();
  };
}

describe("group commit on the SQLite connection", () => {
  it("commits the writes asked for in one turn together, and answers each only once it is committed", async () => {
    const seenAtAnswer: string[][] = [];
    const answers = await Promise.all(
      ["ada", "bo", "cy"].map((name) => inGroup(insert(name)).then((value) => (seenAtAnswer.push(committed()), value))),
    );
    expect(answers).toEqual(["ADA", "BO", "CY"]);
    expect(transactions).toBe(1);
    for (const seen of seenAtAnswer) expect(seen).toEqual(["ada", "bo", "cy"]);

    // A write asked for in a later turn gets a commit of its own.
    await inGroup(insert("di"));
    expect(transactions).toBe(2);
    expect(committed()).toEqual(["ada", "bo", "cy", "di"]);
  });

  it("rolls back only the write that failed, rejects its caller with its own error, and keeps the others", async () => {
    const results = await Promise.allSettled([
      inGroup(insert("ada")),
      inGroup(async (tx) => {
        await tx.run(sql`insert into names (name) values ('half-done')`);
        await tx.run(sql`insert into names (name) values ('ada')`); // the unique name: fails
      }),
      inGroup(insert("bo")),
    ]);
    expect(results[0]).toEqual({ status: "fulfilled", value: "ADA" });
    expect(results[1].status).toBe("rejected");
    const { reason } = results[1] as PromiseRejectedResult;
    expect(String(reason.cause ?? reason)).toMatch(/UNIQUE constraint failed/);
    expect(results[2]).toEqual({ status: "fulfilled", value: "BO" });
    // The group ran together and was rolled back at the failure; then again, each write in a savepoint of its
    // own: "half-done" went with its write's savepoint, and the write after the failure waited for a third.
    expect(committed()).toEqual(["ada", "bo"]);
    expect(transactions).toBe(3);
  });

  it("rejects every write of a group whose transaction fails, and answers none as done", async () => {
    const failing = commitGroups(async (work) => {
      await work({ transaction: (inner: (tx: Tx) => Promise<unknown>) => inner({} as Tx) } as unknown as Tx);
      throw new Error("disk I/O error");
    });
    const results = await Promise.allSettled([failing(async () => 1), failing(async () => 2)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(results.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([
      "Error: disk I/O error",
      "Error: disk I/O error",
    ]);
  });

  it("splits a surge into groups of the largest size", async () => {
    const small = commitGroups((work) => {
      transactions++;
      return work({ transaction: (inner: (tx: Tx) => Promise<unknown>) => inner({} as Tx) } as unknown as Tx);
    }, 4);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => small(async () => n)));
    expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(transactions).toBe(3);
  });
});
