import Database from "better-sqlite3";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, outbox, signatures, type Signature } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import type { SignatureFilter } from "./signature-search";
import { iterateExportRows } from "./export";

type Row = Pick<Signature, "name" | "email" | "country" | "state" | "createdAt"> &
  Partial<Signature> & { document: string };

const db = () => getDb();

function documentId(slug: string): number {
  const found = db()
    .select()
    .from(documents)
    .all()
    .find((document) => document.slug === slug);
  if (!found) throw new Error(`seed missing: ${slug}`);
  return found.id;
}

function insert({ document, ...row }: Row) {
  db()
    .insert(signatures)
    .values({ display: "full", ...row, documentId: documentId(document), emailKey: emailKey(row.email) })
    .run();
}

const at = (iso: string) => new Date(iso);
const names = (filter: SignatureFilter) => [...iterateExportRows(filter)].map((row) => row.name);

beforeEach(() => {
  db().delete(outbox).run();
  db().delete(confirmationTokens).run();
  db().delete(signatures).run();
  // Inserted in this order, so ids ascend in this order; created dates deliberately do not.
  insert({
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
  insert({
    document: "moscow-trials",
    name: '=HYPERLINK("http://evil")',
    email: "formula@example.com",
    country: "FR",
    state: "pending",
    createdAt: at("2026-03-02T00:00:00Z"),
  });
  insert({
    document: "family-letter",
    name: "Anna Schmidt",
    email: "anna@sub.example.org",
    country: "DE",
    state: "confirmed",
    createdAt: at("2026-03-02T23:59:59.999Z"),
  });
  insert({
    document: "moscow-trials",
    name: "Withdrawn Person",
    email: "gone@example.org",
    country: "DE",
    state: "withdrawn",
    createdAt: at("2026-03-02T12:00:00Z"),
  });
  insert({
    document: "family-letter",
    name: "John 100% Smith",
    email: "john@example.org.evil",
    country: "GB",
    state: "rejected",
    createdAt: at("2026-03-03T00:00:00Z"),
  });
  insert({
    document: "moscow-trials",
    name: "Max_Power",
    email: "max@example.net",
    country: "FR",
    state: "confirmed",
    createdAt: at("2026-02-27T08:00:00Z"),
  });
  insert({
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
  it("yields every signature but the withdrawn ones, in signing (id) order", () => {
    expect(names({})).toEqual(everyone);
  });

  it("maps the columns: document slug, dates, booleans, nulls, text verbatim", () => {
    const [vera, formula] = iterateExportRows({});
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
    });
    expect(formula).toMatchObject({
      name: '=HYPERLINK("http://evil")',
      city: null,
      comment: null,
      updates: false,
      confirmed: null,
    });
  });

  it("filters by document", () => {
    expect(names({ document: "family-letter" })).toEqual(["Anna Schmidt", "John 100% Smith"]);
    expect(names({ document: "no-such-document" })).toEqual([]);
  });

  it("filters by state, and never exports withdrawn signatures even when asked for them", () => {
    expect(names({ state: "confirmed" })).toEqual(["Вера Иванова", "Anna Schmidt", "Max_Power"]);
    expect(names({ state: "pending" })).toEqual(['=HYPERLINK("http://evil")', "王小明"]);
    expect(names({ state: "withdrawn" })).toEqual([]);
    expect(names({ q: "Withdrawn" })).toEqual([]);
  });

  it("combines document and state", () => {
    expect(names({ document: "moscow-trials", state: "confirmed" })).toEqual(["Вера Иванова", "Max_Power"]);
  });

  it("searches name fragments, Cyrillic and CJK included", () => {
    expect(names({ q: "Иван" })).toEqual(["Вера Иванова"]);
    expect(names({ q: "schmidt" })).toEqual(["Anna Schmidt"]);
    expect(names({ q: "小明" })).toEqual(["王小明"]);
  });

  it("searches email fragments", () => {
    expect(names({ q: "formula@" })).toEqual(['=HYPERLINK("http://evil")']);
    expect(names({ q: "example.net" })).toEqual(["Max_Power"]);
  });

  it("matches @domain as the end of the address: not subdomains, not longer domains", () => {
    expect(names({ q: "@example.org" })).toEqual(["Вера Иванова"]);
    expect(names({ q: "@EXAMPLE.ORG" })).toEqual(["Вера Иванова"]);
    expect(names({ q: "@sub.example.org" })).toEqual(["Anna Schmidt"]);
    expect(names({ q: "@example.org.evil" })).toEqual(["John 100% Smith"]);
  });

  it("matches a two-letter country code", () => {
    expect(names({ q: "DE" })).toEqual(["Anna Schmidt"]);
    expect(names({ q: "fr" })).toEqual(['=HYPERLINK("http://evil")', "Max_Power"]);
  });

  it("takes LIKE wildcards in the search literally", () => {
    expect(names({ q: "%" })).toEqual(["John 100% Smith"]);
    expect(names({ q: "_" })).toEqual(["Max_Power"]);
    expect(names({ q: "a_p" })).toEqual([]);
  });

  it("filters on the signing date, both ends inclusive, in UTC days", () => {
    expect(names({ from: "2026-03-02", to: "2026-03-02" })).toEqual(['=HYPERLINK("http://evil")', "Anna Schmidt"]);
    expect(names({ from: "2026-03-03" })).toEqual(["John 100% Smith", "王小明"]);
    expect(names({ to: "2026-03-01" })).toEqual(["Вера Иванова", "Max_Power"]);
    expect(names({ from: "2026-03-06" })).toEqual([]);
  });

  it("closes its read connection when the caller stops early, and when the rows run out", () => {
    const close = vi.spyOn(Database.prototype, "close");
    try {
      const rows = iterateExportRows({});
      expect(rows.next().value?.name).toBe("Вера Иванова");
      expect(close).not.toHaveBeenCalled();
      rows.return?.();
      expect(close).toHaveBeenCalledTimes(1);
      expect(rows.next().done).toBe(true);
      expect(names({ state: "pending" })).toHaveLength(2);
      expect(close).toHaveBeenCalledTimes(2);
    } finally {
      close.mockRestore();
    }
  });

  it("lets people keep signing during a long export, which reads one consistent snapshot", () => {
    const rows = iterateExportRows({ document: "moscow-trials" });
    expect(rows.next().value?.name).toBe("Вера Иванова");
    insert({
      document: "moscow-trials",
      name: "Late Signer",
      email: "late@example.org",
      country: "RU",
      state: "pending",
      createdAt: at("2026-03-06T00:00:00Z"),
    });
    expect([...rows].map((row) => row.name)).toEqual(['=HYPERLINK("http://evil")', "Max_Power", "王小明"]);
    expect(names({ document: "moscow-trials" })).toContain("Late Signer");
  });
});
