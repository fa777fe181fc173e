import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import type { SignatureFilter } from "./signature-search";
import Database from "better-sqlite3";
import pg from "pg";
import { exportChunks } from "@/server/export/export-format";
import { exportBody } from "@/server/export/export-stream";
import { EXPORT_APPLICATION_NAME } from "@/server/export/export-job";
import { exportChunksInWorker, exportInWorker } from "@/server/export/worker-export";
import { iterateExportBatches, iterateExportRows, planExport, type ExportPlan } from "./export";

type Row = Pick<Signature, "name" | "email" | "country" | "state" | "createdAt"> &
  Partial<Signature> & { document: string };

// Every snapshot the export opens, with how often it was closed: a snapshot holds a read connection of its
// own (a SQLite reader, or a pooled PostgreSQL client) until it is closed.
// batchesRead: the batches of rows drawn from the database so far.
const snapshots = vi.hoisted(() => ({ opened: 0, closed: 0, batchesRead: 0 }));
vi.mock("@/db/index", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/index")>();
  return {
    ...actual,
    async openSnapshot() {
      const snapshot = await actual.openSnapshot();
      snapshots.opened++;
      return {
        ...snapshot,
        async *batches(query: Parameters<typeof snapshot.batches>[0], size: number) {
          for await (const batch of snapshot.batches(query, size)) {
            snapshots.batchesRead++;
            yield batch;
          }
        },
        async close() {
          snapshots.closed++;
          await snapshot.close();
        },
      };
    },
  };
});

const db = () => getDb();

async function documentId(slug: string): Promise<number> {
  const [found] = await db().select().from(documents).where(eq(documents.slug, slug));
  if (!found) throw new Error(`seed missing: ${slug}`);
  return found.id;
}

async function insert({ document, ...row }: Row) {
  await db()
    .insert(signatures)
    .values({ display: "full", ...row, documentId: await documentId(document), emailKey: emailKey(row.email) });
}

async function collect<T>(rows: AsyncIterable<T>) {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const at = (iso: string) => new Date(iso);
const names = async (filter: SignatureFilter) => (await collect(iterateExportRows(filter))).map((row) => row.name);

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  // Inserted in this order, so ids ascend in this order; created dates deliberately do not.
  await insert({
    document: "moscow-trials",
    name: "Вера Иванова",
    email: "vera@example.org",
    country: "RU",
    city: "Москва",
    comment: "Свободу!",
    updates: true,
    state: "confirmed",
    createdAt: at("2026-03-01T10:00:00Z"),
    confirmedAt: at("2026-03-01T11:30:00.250Z"),
  });
  await insert({
    document: "moscow-trials",
    name: '=HYPERLINK("http://evil")',
    email: "formula@example.com",
    country: "FR",
    state: "pending",
    createdAt: at("2026-03-02T00:00:00Z"),
  });
  await insert({
    document: "family-letter",
    name: "Anna Schmidt",
    email: "anna@sub.example.org",
    country: "DE",
    state: "confirmed",
    createdAt: at("2026-03-02T23:59:59.999Z"),
  });
  await insert({
    document: "moscow-trials",
    name: "Withdrawn Person",
    email: "gone@example.org",
    country: "DE",
    state: "withdrawn",
    createdAt: at("2026-03-02T12:00:00Z"),
  });
  await insert({
    document: "family-letter",
    name: "John 100% Smith",
    email: "john@example.org.evil",
    country: "GB",
    state: "rejected",
    createdAt: at("2026-03-03T00:00:00Z"),
  });
  await insert({
    document: "moscow-trials",
    name: "Max_Power",
    email: "max@example.net",
    country: "FR",
    state: "confirmed",
    createdAt: at("2026-02-27T08:00:00Z"),
  });
  await insert({
    document: "moscow-trials",
    name: "王小明",
    email: "wang@example.cn",
    country: "CN",
    state: "pending",
    createdAt: at("2026-03-05T09:00:00Z"),
  });
});

const everyone = [
  "Вера Иванова",
  '=HYPERLINK("http://evil")',
  "Anna Schmidt",
  "John 100% Smith",
  "Max_Power",
  "王小明",
];

describe("iterateExportRows", () => {
  it("yields every signature but the withdrawn ones, in signing (id) order", async () => {
    expect(await names({})).toEqual(everyone);
  });

  it("maps the columns: document slug, dates, booleans, nulls, text verbatim", async () => {
    const [vera, formula] = await collect(iterateExportRows({}));
    expect(vera).toEqual({
      document: "moscow-trials",
      name: "Вера Иванова",
      email: "vera@example.org",
      country: "RU",
      city: "Москва",
      comment: "Свободу!",
      display: "full",
      updates: true,
      state: "confirmed",
      created: at("2026-03-01T10:00:00Z"),
      confirmed: at("2026-03-01T11:30:00.250Z"),
      organisation: null,
      role: null,
      textVersion: 1,
      language: "en",
      source: null,
      confirmedBy: null,
    });
    expect(formula).toMatchObject({
      name: '=HYPERLINK("http://evil")',
      city: null,
      comment: null,
      updates: false,
      confirmed: null,
    });
  });

  it("has the source each signer came with", async () => {
    await db()
      .update(signatures)
      .set({ source: "embed:https://memorial.example" })
      .where(eq(signatures.name, "Anna Schmidt"));
    const rows = await collect(iterateExportRows({ document: "family-letter" }));
    expect(rows.map((row) => [row.name, row.source])).toEqual([
      ["Anna Schmidt", "embed:https://memorial.example"],
      ["John 100% Smith", null],
    ]);
  });

  it("filters by document", async () => {
    expect(await names({ document: "family-letter" })).toEqual(["Anna Schmidt", "John 100% Smith"]);
    expect(await names({ document: "no-such-document" })).toEqual([]);
  });

  it("filters by state, and never exports withdrawn signatures even when asked for them", async () => {
    expect(await names({ state: "confirmed" })).toEqual(["Вера Иванова", "Anna Schmidt", "Max_Power"]);
    expect(await names({ state: "pending" })).toEqual(['=HYPERLINK("http://evil")', "王小明"]);
    expect(await names({ state: "withdrawn" })).toEqual([]);
    expect(await names({ q: "Withdrawn" })).toEqual([]);
  });

  it("combines document and state", async () => {
    expect(await names({ document: "moscow-trials", state: "confirmed" })).toEqual(["Вера Иванова", "Max_Power"]);
  });

  it("searches name fragments, Cyrillic and CJK included", async () => {
    expect(await names({ q: "Иван" })).toEqual(["Вера Иванова"]);
    expect(await names({ q: "schmidt" })).toEqual(["Anna Schmidt"]);
    expect(await names({ q: "小明" })).toEqual(["王小明"]);
  });

  it("searches email fragments", async () => {
    expect(await names({ q: "formula@" })).toEqual(['=HYPERLINK("http://evil")']);
    expect(await names({ q: "example.net" })).toEqual(["Max_Power"]);
  });

  it("matches @domain as the end of the address: not subdomains, not longer domains", async () => {
    expect(await names({ q: "@example.org" })).toEqual(["Вера Иванова"]);
    expect(await names({ q: "@EXAMPLE.ORG" })).toEqual(["Вера Иванова"]);
    expect(await names({ q: "@sub.example.org" })).toEqual(["Anna Schmidt"]);
    expect(await names({ q: "@example.org.evil" })).toEqual(["John 100% Smith"]);
  });

  it("matches a two-letter country code", async () => {
    expect(await names({ q: "DE" })).toEqual(["Anna Schmidt"]);
    expect(await names({ q: "fr" })).toEqual(['=HYPERLINK("http://evil")', "Max_Power"]);
  });

  it("takes LIKE wildcards in the search literally", async () => {
    expect(await names({ q: "%" })).toEqual(["John 100% Smith"]);
    expect(await names({ q: "_" })).toEqual(["Max_Power"]);
    expect(await names({ q: "a_p" })).toEqual([]);
  });

  it("filters on the signing date, both ends inclusive, in UTC days", async () => {
    expect(await names({ from: "2026-03-02", to: "2026-03-02" })).toEqual([
      '=HYPERLINK("http://evil")',
      "Anna Schmidt",
    ]);
    expect(await names({ from: "2026-03-03" })).toEqual(["John 100% Smith", "王小明"]);
    expect(await names({ to: "2026-03-01" })).toEqual(["Вера Иванова", "Max_Power"]);
    expect(await names({ from: "2026-03-06" })).toEqual([]);
  });

  it("closes its read connection when the caller stops early, and when the rows run out", async () => {
    const opened = snapshots.opened;
    const closed = snapshots.closed;
    const rows = iterateExportRows({});
    expect((await rows.next()).value?.name).toBe("Вера Иванова");
    expect(snapshots.opened).toBe(opened + 1);
    expect(snapshots.closed).toBe(closed);
    await rows.return(undefined);
    expect(snapshots.closed).toBe(closed + 1);
    expect((await rows.next()).done).toBe(true);
    expect(await names({ state: "pending" })).toHaveLength(2);
    expect(snapshots.opened).toBe(opened + 2);
    expect(snapshots.closed).toBe(closed + 2);
  });

  it("lets people keep signing during a long export, which reads one consistent snapshot", async () => {
    const rows = iterateExportRows({ document: "moscow-trials" });
    expect((await rows.next()).value?.name).toBe("Вера Иванова");
    await insert({
      document: "moscow-trials",
      name: "Late Signer",
      email: "late@example.org",
      country: "RU",
      state: "pending",
      createdAt: at("2026-03-06T00:00:00Z"),
    });
    expect((await collect(rows)).map((row) => row.name)).toEqual(['=HYPERLINK("http://evil")', "Max_Power", "王小明"]);
    expect(await names({ document: "moscow-trials" })).toContain("Late Signer");
  });
});

describe("the export download, read slowly", () => {
  it("draws a batch from the database only when the client reads on, and releases the snapshot when it leaves", async () => {
    const onDone = vi.fn();
    const closed = snapshots.closed;
    const body = exportBody(exportChunks(iterateExportBatches({}, 2), "csv"), onDone).getReader();
    const before = snapshots.batchesRead;
    const first = await body.read();
    expect(new TextDecoder().decode(first.value)).toContain("Вера Иванова");
    expect(snapshots.batchesRead - before).toBe(1);
    // However long the client waits between reads, nothing more is read until it asks.
    await new Promise((resolve) => setImmediate(resolve));
    expect(snapshots.batchesRead - before).toBe(1);
    const second = await body.read();
    expect(new TextDecoder().decode(second.value)).toContain("Anna Schmidt");
    expect(snapshots.batchesRead - before).toBe(2);
    await body.cancel();
    expect(snapshots.batchesRead - before).toBe(2);
    expect(snapshots.closed).toBe(closed + 1);
    expect(onDone).toHaveBeenCalledExactlyOnceWith(4, false);
  });

  it("writes every row when read to the end, in batches of the size asked for", async () => {
    const before = snapshots.batchesRead;
    const text = await new Response(exportBody(exportChunks(iterateExportBatches({}, 4), "csv"), () => {})).text();
    expect(text.split("\r\n").slice(1, -1)).toHaveLength(everyone.length);
    expect(snapshots.batchesRead - before).toBe(2);
  });

  it("lets the process serve others between batches (a turn of the event loop), however fast it is read", async () => {
    let servedOthers = false;
    setImmediate(() => (servedOthers = true));
    const batches = iterateExportBatches({}, 1);
    await batches.next();
    await batches.next();
    await batches.next();
    expect(servedOthers).toBe(true);
    await batches.return(undefined);
  });
});

/** Whether a read connection still holds a snapshot of the database, as an operator would find out. */
async function snapshotsHeld({ source }: ExportPlan): Promise<number> {
  if (source.dialect === "postgres") {
    const client = new pg.Client({ connectionString: source.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ held: number }>(
        "select count(*)::int as held from pg_stat_activity where datname = current_database() and application_name = $1",
        [EXPORT_APPLICATION_NAME],
      );
      return rows[0].held;
    } finally {
      await client.end();
    }
  }
  // A reader's snapshot keeps the WAL from being emptied: a checkpoint that truncates it reports itself busy.
  const file = new Database(source.file, { timeout: 0 });
  try {
    const [result] = file.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return result.busy;
  } finally {
    file.close();
  }
}

describe("the export written by a worker thread", () => {
  const inWorker = async (format: "csv" | "ndjson", onDone = vi.fn(), rowsPerChunk = 2) =>
    exportBody(exportChunksInWorker(await planExport({}), format, rowsPerChunk), onDone);

  it("writes the very file the export writes in this thread, in CSV and NDJSON", async () => {
    for (const format of ["csv", "ndjson"] as const) {
      const onDone = vi.fn();
      const fromWorker = await new Response(await inWorker(format, onDone)).text();
      const here = await new Response(exportBody(exportChunks(iterateExportBatches({}, 2), format), () => {})).text();
      expect(fromWorker).toBe(here);
      expect(fromWorker).toContain(format === "csv" ? `"'=HYPERLINK(""http://evil"")"` : "王小明");
      expect(onDone).toHaveBeenCalledExactlyOnceWith(everyone.length, true);
    }
  });

  it("stops the worker and releases its snapshot when the client disconnects mid-export", async () => {
    const plan = await planExport({});
    const onDone = vi.fn();
    const body = exportBody(exportChunksInWorker(plan, "csv", 2), onDone).getReader();
    const first = await body.read();
    expect(new TextDecoder().decode(first.value)).toContain("Вера Иванова");
    // A signature made meanwhile leaves something in the WAL for the checkpoint below to wait on.
    await insert({
      document: "moscow-trials",
      name: "Late",
      email: "late@example.org",
      country: "RU",
      state: "pending",
      createdAt: at("2026-03-07T00:00:00Z"),
    });
    expect(await snapshotsHeld(plan)).toBe(1);
    await body.cancel();
    expect(onDone).toHaveBeenCalledExactlyOnceWith(2, false);
    expect(await snapshotsHeld(plan)).toBe(0);
  });

  it("runs two exports at a time in a process and turns a third away until one of them ends", async () => {
    const onDone = vi.fn();
    const first = await exportInWorker({}, "csv", onDone);
    const second = await exportInWorker({}, "ndjson", onDone);
    expect(await exportInWorker({}, "csv", onDone)).toBe("busy");
    if (first === "busy" || second === "busy") throw new Error("the first two exports should have started");
    expect(await new Response(first).text()).toContain("Вера Иванова");
    const third = await exportInWorker({}, "csv", onDone);
    expect(third).toBeInstanceOf(ReadableStream);
    expect(await exportInWorker({}, "csv", onDone)).toBe("busy");
    await second.cancel(); // the organiser's browser went away
    const fourth = await exportInWorker({}, "csv", onDone);
    expect(fourth).toBeInstanceOf(ReadableStream);
    for (const body of [third, fourth]) if (body !== "busy") await body.cancel();
    expect(onDone.mock.calls).toEqual([
      [everyone.length, true],
      [0, false],
      [0, false],
      [0, false],
    ]);
  });

  it("fails the download, reported incomplete, when the worker cannot read the rows", async () => {
    const plan = await planExport({});
    const onDone = vi.fn();
    const broken = { ...plan, query: { sql: "select * from no_such_table", params: [] } };
    const body = exportBody(exportChunksInWorker(broken, "csv", 2), onDone);
    await expect(new Response(body).text()).rejects.toThrow(/no_such_table/);
    expect(onDone).toHaveBeenCalledExactlyOnceWith(0, false);
    expect(await snapshotsHeld(plan)).toBe(0);
  });
});
