import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, documents } from "@/db/schema";
import {
  changeDocumentSlug,
  closeDueDocuments,
  createDocument,
  findDocumentByOldSlug,
  listOldSlugs,
} from "./campaigns";
import { findDocumentBySlug, getLocalizedDocument } from "./documents";

const text = {
  title: "Free the archives",
  summary: "Open the 1937 files.",
  body: "We ask that the files be **opened**.",
  addressee: "The archive service",
  authors: [],
};

const newPetition = (slug: string, closesAt: Date | null = null) =>
  createDocument({ kind: "petition", slug, goal: 1000, languages: ["en"], closesAt, text });

async function open(slug: string) {
  await getDb().update(documents).set({ status: "open" }).where(eq(documents.slug, slug));
}

describe("creating a campaign", () => {
  it("starts as a draft with its English text, and refuses a slug that is or was another document's", async () => {
    const created = await newPetition("free-the-archives");
    expect(created).toMatchObject({ status: "draft", goal: 1000, languages: ["en"], kind: "petition" });
    expect(await getLocalizedDocument("petition", "free-the-archives", "ru")).toMatchObject({
      title: "Free the archives",
      textLocale: "en",
    });
    expect(await newPetition("free-the-archives")).toBeNull();
    expect(await newPetition("moscow-trials")).toBeNull(); // a seeded one

    await changeDocumentSlug(created!.id, "open-the-archives");
    expect(await newPetition("free-the-archives")).toBeNull(); // still redirects to the renamed one
  });
});

describe("changing a slug", () => {
  it("keeps every old slug pointing at the document, and lets it move back", async () => {
    const created = (await newPetition("first-name"))!;
    expect(await changeDocumentSlug(created.id, "second-name")).toEqual({ status: "changed", from: "first-name" });
    expect(await changeDocumentSlug(created.id, "third-name")).toEqual({ status: "changed", from: "second-name" });
    expect(await findDocumentByOldSlug("first-name")).toMatchObject({ slug: "third-name", kind: "petition" });
    expect(await findDocumentByOldSlug("second-name")).toMatchObject({ slug: "third-name" });
    expect(await findDocumentBySlug("third-name")).toMatchObject({ id: created.id });

    expect(await changeDocumentSlug(created.id, "first-name")).toEqual({ status: "changed", from: "third-name" });
    expect(await findDocumentByOldSlug("first-name")).toBeUndefined(); // current again, no longer a redirect
    expect(await listOldSlugs(created.id)).toEqual(expect.arrayContaining(["second-name", "third-name"]));
  });

  it("refuses a slug another document has or had, and changes nothing then", async () => {
    const a = (await newPetition("taken-a"))!;
    const b = (await newPetition("taken-b"))!;
    expect(await changeDocumentSlug(a.id, "moscow-trials")).toEqual({ status: "taken" });
    await changeDocumentSlug(b.id, "taken-b2");
    expect(await changeDocumentSlug(a.id, "taken-b")).toEqual({ status: "taken" });
    expect(await findDocumentBySlug("taken-a")).toMatchObject({ id: a.id });
    expect(await changeDocumentSlug(a.id, "taken-a")).toEqual({ status: "unchanged", from: "taken-a" });
    expect(await findDocumentByOldSlug("nothing-here")).toBeUndefined();
  });
});

describe("the scheduled close", () => {
  it("closes open documents whose date has come, once, with an audit entry, and leaves the rest", async () => {
    const now = new Date();
    await newPetition("due-now", new Date(now.getTime() - 1000));
    await newPetition("due-later", new Date(now.getTime() + 3600_000));
    await newPetition("due-but-draft", new Date(now.getTime() - 1000));
    await newPetition("no-date");
    for (const slug of ["due-now", "due-later", "no-date"]) await open(slug);

    const closed = await closeDueDocuments(now);
    expect(closed.map((document) => document.slug)).toEqual(["due-now"]);
    expect(await findDocumentBySlug("due-now")).toMatchObject({ status: "closed", closedAt: now });
    for (const slug of ["due-later", "no-date"])
      expect(await findDocumentBySlug(slug)).toMatchObject({ status: "open" });
    expect(await findDocumentBySlug("due-but-draft")).toMatchObject({ status: "draft" });

    expect(await closeDueDocuments(new Date(now.getTime() + 1000))).toEqual([]);
    const entries = await getDb().select().from(auditLog).where(eq(auditLog.action, "document.close-scheduled"));
    expect(entries.map((entry) => [entry.actor, entry.targetId])).toEqual([["system", "due-now"]]);
  });

  it("closes each due document once when two instances run the job together", async () => {
    const now = new Date();
    await newPetition("raced", new Date(now.getTime() - 1000));
    await open("raced");
    const [a, b] = await Promise.all([closeDueDocuments(now), closeDueDocuments(now)]);
    expect([...a, ...b].map((document) => document.slug)).toEqual(["raced"]);
    const entries = await getDb().select().from(auditLog).where(eq(auditLog.targetId, "raced"));
    expect(entries).toHaveLength(1);
  });
});
