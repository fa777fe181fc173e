import { describe, expect, it } from "vitest";
import { messagesByField } from "@/lib/forms/form-fields";
import { faqSchema, formatFaq, newDocumentSchema, parseFaq, responseSchema } from "./campaign-input";

const valid = {
  kind: "petition",
  newSlug: "free-the-archives",
  title: "Open the archives",
  summary: "Let families read the files.",
  body: "We ask.",
  addressee: "The Supreme Soviet",
  authors: "",
  goal: "1000",
  closesAt: "",
};
const errorsOf = (schema: typeof newDocumentSchema | typeof responseSchema, input: Record<string, string>) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : messagesByField(parsed.error);
};

describe("a new campaign's form input", () => {
  it("reads English only unless Russian is ticked, and the closing date as UTC", () => {
    expect(newDocumentSchema.parse(valid)).toMatchObject({ languages: ["en"], closesAt: null, goal: 1000 });
    expect(newDocumentSchema.parse({ ...valid, languages: "ru", closesAt: "2026-12-31T18:00" })).toMatchObject({
      languages: ["en", "ru"],
      closesAt: new Date("2026-12-31T18:00:00Z"),
    });
  });

  it("says what is wrong with an address or a date", () => {
    expect(errorsOf(newDocumentSchema, { ...valid, newSlug: "Free Archives" }).newSlug).toMatch(/lower-case letters/);
    expect(errorsOf(newDocumentSchema, { ...valid, newSlug: "a--b" }).newSlug).toMatch(/single hyphens/);
    expect(errorsOf(newDocumentSchema, { ...valid, closesAt: "tomorrow" }).closesAt).toMatch(/date and time/);
    expect(errorsOf(newDocumentSchema, { ...valid, kind: "poll" }).kind).toBe("Choose a petition or a letter.");
  });
});

describe("a response's form input", () => {
  const response = { slug: "x", outcome: "answered", respondedOn: "1989-12-20", responseText: "Yes.", sourceUrl: "" };

  it("needs a date with a text, a text with a source, and only web links as sources", () => {
    expect(responseSchema.parse(response)).toMatchObject({ outcome: "answered", intent: "save", sourceUrl: null });
    expect(errorsOf(responseSchema, { ...response, respondedOn: "" }).respondedOn).toBe(
      "Give the date of the response.",
    );
    expect(errorsOf(responseSchema, { ...response, responseText: "", respondedOn: "" }).responseText).toBeUndefined();
    expect(errorsOf(responseSchema, { ...response, responseText: "", sourceUrl: "https://x.org" }).responseText).toBe(
      "Give the text of the response.",
    );
    expect(errorsOf(responseSchema, { ...response, sourceUrl: "javascript:alert(1)" }).sourceUrl).toMatch(/http/);
    expect(errorsOf(responseSchema, { ...response, outcome: "maybe" }).outcome).toBe("Choose an outcome.");
  });
});

describe("questions and answers", () => {
  it("reads '## Question' lines with their answers, and writes them back the same way", () => {
    const text = "## Who sees my name?\nOnly what you chose.\n\nAnd the addressee.\n\n## When?\nIn spring.";
    const items = parseFaq(text);
    expect(items).toEqual([
      { question: "Who sees my name?", answer: "Only what you chose.\n\nAnd the addressee." },
      { question: "When?", answer: "In spring." },
    ]);
    expect(formatFaq(items as never)).toBe(text);
  });

  it("refuses text that would be lost, and questions without answers", () => {
    expect(parseFaq("An answer without a question")).toMatch(/Start each question/);
    expect(parseFaq("## Lonely question")).toMatch(/needs a question line and an answer/);
    expect(parseFaq("")).toEqual([]);
    const parsed = faqSchema.safeParse({ slug: "x", "faq-en": "stray", "faq-ru": "" });
    expect(parsed.success ? {} : messagesByField(parsed.error)).toMatchObject({ "faq-en": expect.any(String) });
  });
});
