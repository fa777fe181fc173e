import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { changeDocumentSlug, createDocument } from "@/db/queries/campaigns";
import { documents } from "@/db/schema";
import { findPublicDocumentOrMoved } from "./public-documents";

const text = { title: "Open the archives", summary: "", body: "Open them.", addressee: "The archive", authors: [] };

describe("finding the campaign a form was sent to", () => {
  it("finds a renamed campaign by its former slug, in the form's language, and nothing of another kind", async () => {
    const created = await createDocument({
      kind: "petition",
      slug: "before-rename",
      goal: 100,
      languages: ["en"],
      closesAt: null,
      text,
    });
    await getDb().update(documents).set({ status: "open" }).where(eq(documents.id, created!.id));
    await changeDocumentSlug(created!.id, "after-rename");

    expect(await findPublicDocumentOrMoved("petitions", "before-rename", "ru")).toMatchObject({
      slug: "after-rename",
      title: "Open the archives",
    });
    expect(await findPublicDocumentOrMoved("letters", "before-rename", "en")).toBeUndefined();
    expect(await findPublicDocumentOrMoved("petitions", "never-was", "en")).toBeUndefined();
  });

  it("finds no draft, by its slug or a former one", async () => {
    const draft = await createDocument({
      kind: "petition",
      slug: "draft-before",
      goal: 100,
      languages: ["en"],
      closesAt: null,
      text,
    });
    await changeDocumentSlug(draft!.id, "draft-after");
    expect(await findPublicDocumentOrMoved("petitions", "draft-before", "en")).toBeUndefined();
    expect(await findPublicDocumentOrMoved("petitions", "draft-after", "en")).toBeUndefined();
  });
});
