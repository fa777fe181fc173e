import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { generateDossier } from "@/server/dossier/generate";
import { readPdf } from "@/tests/pdf-text";
import { openDossierSnapshot } from "./dossier";

type Row = Pick<Signature, "name" | "state"> & Partial<Signature>;

const db = () => getDb();
async function documentId(slug: string) {
  const [document] = await db().select().from(documents).where(eq(documents.slug, slug));
  return document.id;
}
const at = (iso: string) => new Date(iso);
let n = 0;

async function insert(slug: string, row: Row) {
  const email = `signer${++n}@example.org`;
  await db()
    .insert(signatures)
    .values({
      country: "DE",
      display: "full",
      createdAt: at("2026-03-01T00:00:00Z"),
      ...row,
      documentId: await documentId(slug),
      email,
      emailKey: emailKey(email),
    });
}

async function collect<T>(rows: AsyncIterable<T>) {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function names(slug: string) {
  const snapshot = (await openDossierSnapshot(await documentId(slug)))!;
  try {
    return { total: snapshot.total, names: (await collect(snapshot.rows)).map((row) => row.name) };
  } finally {
    await snapshot.close();
  }
}

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  // Inserted in id order; confirmation times deliberately not.
  await insert("moscow-trials", { name: "Second", state: "confirmed", confirmedAt: at("2026-03-02T10:00:00Z") });
  await insert("moscow-trials", {
    name: "Hidden",
    state: "confirmed",
    display: "hidden",
    confirmedAt: at("2026-03-01T10:00:00Z"),
  });
  await insert("moscow-trials", { name: "Pending", state: "pending" });
  await insert("moscow-trials", { name: "Rejected", state: "rejected", confirmedAt: at("2026-03-01T09:00:00Z") });
  await insert("moscow-trials", { name: "Withdrawn", state: "withdrawn", confirmedAt: at("2026-03-01T08:00:00Z") });
  await insert("moscow-trials", {
    name: "Tie, later id",
    state: "confirmed",
    display: "initials",
    confirmedAt: at("2026-03-02T10:00:00Z"),
  });
  await insert("family-letter", {
    name: "Other document",
    state: "confirmed",
    confirmedAt: at("2026-03-01T07:00:00Z"),
  });
});

describe("dossier rows", () => {
  it("are the confirmed signatures of the one document, hidden ones included, by confirmation time then id", async () => {
    expect(await names("moscow-trials")).toEqual({ total: 3, names: ["Hidden", "Second", "Tie, later id"] });
    expect(await names("family-letter")).toEqual({ total: 1, names: ["Other document"] });
  });

  it("carry city, country and the confirmation time", async () => {
    await insert("family-letter", {
      name: "Вера",
      state: "confirmed",
      city: "Москва",
      country: "RU",
      confirmedAt: at("2026-03-03T11:30:00.250Z"),
    });
    const snapshot = (await openDossierSnapshot(await documentId("family-letter")))!;
    const rows = await collect(snapshot.rows);
    await snapshot.close();
    expect(rows[1]).toEqual({
      name: "Вера",
      city: "Москва",
      country: "RU",
      organisation: null,
      role: null,
      signedAt: at("2026-03-03T11:30:00.250Z"),
    });
  });

  it("come from one snapshot: a signature confirmed meanwhile is in neither the count nor the rows", async () => {
    const snapshot = (await openDossierSnapshot(await documentId("moscow-trials")))!;
    try {
      await insert("moscow-trials", { name: "Too late", state: "confirmed", confirmedAt: at("2026-03-04T00:00:00Z") });
      expect(snapshot.total).toBe(3);
      expect((await collect(snapshot.rows)).map((row) => row.name)).not.toContain("Too late");
    } finally {
      await snapshot.close();
    }
    expect((await names("moscow-trials")).total).toBe(4);
  });

  it("are null for a document that does not exist", async () => {
    expect(await openDossierSnapshot(999_999)).toBeNull();
  });
});

// The first render in a process also loads the fonts; on a busy machine that can take seconds.
describe("generateDossier", { timeout: 30_000 }, () => {
  it("writes the PDF to the file and returns its SHA-256, size, pages and count", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dossier-"));
    const file = path.join(dir, "moscow-trials.pdf");
    const progress: number[] = [];
    const result = await generateDossier({
      documentId: await documentId("moscow-trials"),
      locale: "en",
      file,
      generatedAt: at("2026-11-28T12:00:00Z"),
      onProgress: (done) => progress.push(done),
    });
    const data = readFileSync(file);
    expect(result.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect(result.bytes).toBe(data.length);
    expect(result).toMatchObject({ pages: 2, signatures: 3 });
    expect(progress.at(-1)).toBe(3);
    const [coverPage, sheet] = await readPdf(data);
    expect(coverPage.text).toContain("Signatures: 3");
    expect(sheet.text).toContain("1 Hidden Germany 2026-03-01 2 Second Germany 2026-03-02 3 Tie, later id");
    for (const absent of ["Pending", "Rejected", "Withdrawn", "Other document"])
      expect(sheet.text).not.toContain(absent);
    expect(readdirSync(dir)).toEqual(["moscow-trials.pdf"]);

    const again = await generateDossier({
      documentId: await documentId("moscow-trials"),
      locale: "en",
      file: path.join(dir, "again.pdf"),
      generatedAt: at("2026-11-28T12:00:00Z"),
    });
    expect(again.sha256).toBe(result.sha256);
  });

  it("leaves no file behind when the document is missing or the write fails", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dossier-"));
    await expect(generateDossier({ documentId: 999_999, locale: "en", file: path.join(dir, "x.pdf") })).rejects.toThrow(
      RangeError,
    );
    const intoMissingFolder = path.join(dir, "no-such-folder", "x.pdf");
    await expect(
      generateDossier({ documentId: await documentId("moscow-trials"), locale: "en", file: intoMissingFolder }),
    ).rejects.toThrow();
    expect(existsSync(intoMissingFolder)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
