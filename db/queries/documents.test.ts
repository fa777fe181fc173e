import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documents, documentTexts, signatures } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import type { Locale } from "@/lib/i18n/locales";
import { hashToken, newTokenNonce } from "@/lib/security/tokens";
import {
  getLocalizedDocument,
  getSignableDocument,
  listDocumentTexts,
  updateDocument,
  type TextFields,
} from "./documents";
import { recordSignature } from "./signatures";

const token = () => ({
  hash: hashToken(newTokenNonce()),
  nonce: newTokenNonce(),
  expiresAt: new Date(Date.now() + 3600_000),
});

async function letter(locale: Locale = "en") {
  return (await getLocalizedDocument("letter", "family-letter", locale))!;
}

async function sign(email: string) {
  const document = await letter();
  await recordSignature(
    document,
    {
      name: email,
      email,
      emailKey: emailKey(email),
      country: "FR",
      city: null,
      comment: null,
      organisation: null,
      role: null,
      display: "full",
      updates: false,
      locale: "en",
      ipHash: null,
      flagged: null,
    },
    token(),
  );
  const [row] = await getDb().select().from(signatures).where(eq(signatures.email, email));
  return row;
}

const textOf = (document: Awaited<ReturnType<typeof letter>>): TextFields => ({
  title: document.title,
  summary: document.summary,
  body: document.body,
  addressee: document.addressee,
  authors: document.authors,
});

describe("document texts: languages and versions", () => {
  it("serves the Russian text where there is one, and says which language it is in", async () => {
    expect((await letter("ru")).title).toMatch(/^Вернуть Льву Троцкому/);
    expect((await letter("ru")).textLocale).toBe("ru");
    expect((await letter("ru")).authors[0]).toEqual({ name: "Всеволод Волков", description: "внук Льва Троцкого" });
  });

  it("gives the signing path the document and its title in the signer's language, as the full text has it", async () => {
    for (const locale of ["en", "ru"] as const) {
      const { id, kind, slug, status, currentVersion, title } = await letter(locale);
      expect(await getSignableDocument("letter", "family-letter", locale)).toEqual({
        id,
        kind,
        slug,
        status,
        currentVersion,
        title,
      });
    }
    expect(await getSignableDocument("petition", "family-letter", "en")).toBeUndefined();
  });

  it("makes a new version when a published text changes; earlier signatures keep the version they were shown", async () => {
    const before = await letter();
    const early = await sign("early@example.org");
    expect(early.documentVersion).toBe(before.currentVersion);

    const edited = { ...textOf(before), body: `${before.body}\n\nA postscript.` };
    const result = await updateDocument(before.id, {
      locale: "en",
      text: edited,
      goal: before.goal,
      status: before.status,
    });
    expect(result).toMatchObject({ changed: ["body"], version: before.currentVersion + 1 });

    const after = await letter();
    expect(after.currentVersion).toBe(before.currentVersion + 1);
    expect(after.body.endsWith("A postscript.")).toBe(true);
    // The other language is carried into the new version unchanged; the old version is still there.
    expect((await letter("ru")).title).toMatch(/^Вернуть/);
    expect((await listDocumentTexts(before.id, before.currentVersion)).find((text) => text.locale === "en")!.body).toBe(
      before.body,
    );

    const late = await sign("late@example.org");
    expect(late.documentVersion).toBe(after.currentVersion);
    const [earlyNow] = await getDb().select().from(signatures).where(eq(signatures.id, early.id));
    expect(earlyNow.documentVersion).toBe(before.currentVersion);
  });

  it("edits a draft in place, and changing only the goal makes no new version", async () => {
    const current = await letter();
    await getDb().update(documents).set({ status: "draft" }).where(eq(documents.id, current.id));
    await updateDocument(current.id, {
      locale: "en",
      text: { ...textOf(current), title: "Draft title" },
      goal: current.goal,
      status: "draft",
    });
    expect((await letter()).currentVersion).toBe(current.currentVersion);
    expect((await letter()).title).toBe("Draft title");
    const result = await updateDocument(current.id, {
      locale: "en",
      text: { ...textOf(current), title: "Draft title" },
      goal: 9,
      status: "open",
    });
    expect(result).toMatchObject({ changed: ["goal", "status"], version: current.currentVersion });
  });

  it("adds a missing translation to a published document without a new version", async () => {
    const current = await letter();
    await getDb().delete(documentTexts).where(eq(documentTexts.locale, "ru"));
    expect((await letter("ru")).textLocale).toBe("en"); // falls back to English
    await updateDocument(current.id, {
      locale: "ru",
      text: { ...textOf(current), title: "Перевод" },
      goal: current.goal,
      status: current.status,
    });
    expect((await letter("ru")).title).toBe("Перевод");
    expect((await letter()).currentVersion).toBe(current.currentVersion);
  });
});
