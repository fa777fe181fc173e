import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { printableOnCard } from "./fonts";
import { cardTexts, kindLabel, siteName } from "./labels";
import { renderSocialCard, type SocialCardInput } from "./card";

const english: SocialCardInput = {
  title: "Annul the Moscow Trials verdicts and rehabilitate the defendants",
  kindLabel: "Petition",
  count: 1234,
  goal: 5000,
  locale: "en",
  siteName: "Delegation",
};
const russian: SocialCardInput = {
  ...english,
  title: "Отменить приговоры Московских процессов",
  kindLabel: "Петиция",
  locale: "ru",
};

async function png(input: SocialCardInput): Promise<Buffer> {
  const response = await renderSocialCard(input);
  expect(response.headers.get("content-type")).toBe("image/png");
  return Buffer.from(await response.arrayBuffer());
}

// next/og asks a CDN for a font or an emoji image whenever the loaded fonts lack a character. Any such
// request shows a glyph the card's own fonts cannot draw (and would leak the text to a third party).
let outside: string[];
beforeEach(() => {
  outside = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return realFetch(input, init); // next/og loads its own wasm this way
    outside.push(url);
    throw new Error("no network in this test");
  });
});
afterEach(() => vi.restoreAllMocks());

describe("renderSocialCard", () => {
  it.each([
    ["English", english],
    ["Russian", russian],
  ])("draws a 1200×630 PNG for a %s title", async (_name, input) => {
    const image = await png(input);
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image.toString("latin1", 12, 16)).toBe("IHDR");
    expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(outside).toEqual([]);
  });

  // Missing glyphs would all draw as the same empty box (or nothing), so two different words of the same
  // length would give the same picture; and next/og would try to fetch a font for them.
  it.each([
    ["Cyrillic", "Москва", "Самара"],
    ["Cyrillic beyond Russian", "Україна", "Їжачок"],
    ["accented Latin", "Łżść", "Ćęńš"],
  ])("draws %s letters with its own fonts", async (_name, first, second) => {
    const [a, b, blank] = await Promise.all(
      [first, second, " ".repeat(first.length)].map((title) => png({ ...russian, title })),
    );
    expect(a.equals(b)).toBe(false);
    expect(a.equals(blank)).toBe(false);
    expect(outside).toEqual([]);
  });

  it("leaves out what its fonts cannot draw instead of fetching it", async () => {
    expect(printableOnCard("Free them 自由 ❤️ now — «сейчас»")).toBe("Free them now — «сейчас»");
    await png({ ...english, title: "Free them 自由 ❤️ now", kindLabel: "請願" });
    expect(outside).toEqual([]);
  });

  it("changes with the count", async () => {
    const [before, after] = await Promise.all([png(english), png({ ...english, count: english.count + 1 })]);
    expect(before.equals(after)).toBe(false);
  });

  it("draws a delegation with the documents it carries", async () => {
    const parts = [
      { label: "Petition · Annul the verdicts", count: 10 },
      { label: "Open letter · Clear his name", count: 5 },
    ];
    const [withParts, changedPart] = await Promise.all([
      png({ ...english, goal: undefined, count: 15, parts }),
      png({ ...english, goal: undefined, count: 15, parts: [parts[0], { ...parts[1], count: 6 }] }),
    ]);
    expect(withParts.equals(changedPart)).toBe(false);
    expect(outside).toEqual([]);
  });
});

describe("cardTexts", () => {
  const signatures = (locale: "en" | "ru", counts: number[]) =>
    counts.map((n) => {
      const texts = cardTexts(locale, n);
      return `${texts.count} ${texts.signatures}`;
    });

  it("follows Russian plural forms from the catalogue", () => {
    expect(signatures("ru", [1, 2, 5, 21])).toEqual(["1 подпись", "2 подписи", "5 подписей", "21 подпись"]);
    expect(signatures("ru", [11, 22, 25, 101, 1000])).toEqual([
      "11 подписей",
      "22 подписи",
      "25 подписей",
      "101 подпись",
      "1\u00a0000 подписей",
    ]);
  });

  it("follows English plural forms", () => {
    expect(signatures("en", [0, 1, 2, 1000])).toEqual([
      "0 signatures",
      "1 signature",
      "2 signatures",
      "1,000 signatures",
    ]);
  });

  it("names the goal only when there is one, and the total and the kind in the card's language", () => {
    expect(cardTexts("en", 3, 5000)).toMatchObject({ goal: "Goal: 5,000", total: "In all" });
    expect(cardTexts("ru", 3, 5000)).toMatchObject({ goal: "Цель: 5\u00a0000", total: "Всего" });
    expect(cardTexts("en", 3, 0).goal).toBeUndefined();
    expect([kindLabel("letter", "en"), kindLabel("letter", "ru"), siteName("ru")]).toEqual([
      "Open letter",
      "Открытое письмо",
      "Делегация",
    ]);
  });
});
