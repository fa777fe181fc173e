import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createDocument } from "@/db/queries/campaigns";
import { documents } from "@/db/schema";
import { getPublicDocumentPage, getPublishedDocuments } from "./public-pages";

const text = {
  title: "Open the Kolyma files",
  summary: "In English only, for now.",
  body: "We ask that the files be opened.",
  addressee: "The archive service",
  authors: [],
};

describe("the home page's campaigns in each language", () => {
  it("lists a campaign published in English only on the English home page, not the Russian one", async () => {
    const created = await createDocument({
      kind: "petition",
      slug: "kolyma-files",
      goal: 1000,
      languages: ["en"],
      closesAt: null,
      text,
    });
    await getDb().update(documents).set({ status: "open" }).where(eq(documents.id, created!.id));

    const slugs = async (locale: "en" | "ru") => (await getPublishedDocuments(locale)).map((document) => document.slug);
    expect(await slugs("en")).toContain("kolyma-files");
    expect(await slugs("ru")).not.toContain("kolyma-files");
    // Both languages of the seeded campaigns are still listed in Russian.
    expect(await slugs("ru")).toEqual(expect.arrayContaining(["moscow-trials", "family-letter"]));

    // A shared link still opens it under the Russian interface, in English.
    const page = await getPublicDocumentPage("petitions", "kolyma-files", "ru");
    expect(page?.document).toMatchObject({ title: "Open the Kolyma files", textLocale: "en" });
  });

  it("lists no drafts in either language", async () => {
    await createDocument({ kind: "letter", slug: "draft-letter", goal: 10, languages: ["en", "ru"], closesAt: null, text });
    for (const locale of ["en", "ru"] as const)
      expect((await getPublishedDocuments(locale)).map((document) => document.slug)).not.toContain("draft-letter");
  });
});
