import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readPdf } from "@/tests/pdf-text";
import { FontChooser, type TextStyle } from "./fonts";
import type { DossierRow } from "@/db/queries/dossier";
import { renderDossier, type DossierInput } from "./render-dossier";

const cover = {
  title: "Annul the verdicts of the Moscow Trials",
  addressee: "The leadership of the Soviet Union",
  body: [
    "## Our demands",
    "We, the **undersigned**, ask for *justice*.",
    "1. Annul every verdict;\n2. Rehabilitate every defendant.",
    "See [the committee](https://example.org/committee).",
    "<script>alert(1)</script>",
  ].join("\n\n"),
  generatedAt: new Date("2026-11-28T09:30:00Z"),
};

const signed = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 60_000);
const person = (n: number): DossierRow => ({ name: `Person ${n}`, city: "Berlin", country: "DE", signedAt: signed(n) });

/** The rows as the dossier query gives them: one at a time, asynchronously. */
async function* rowsOf(rows: DossierRow[]): AsyncGenerator<DossierRow> {
  yield* rows;
}

async function render(rows: DossierRow[], overrides: Partial<DossierInput> = {}) {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const result = await renderDossier(
    { cover, rows: rowsOf(rows), total: rows.length, locale: "en", ...overrides },
    sink,
  );
  const data = Buffer.concat(chunks);
  return { result, data, pages: await readPdf(data) };
}

const ranges = (texts: string[]) =>
  texts.flatMap((text) => {
    const match = /Signatures ([\d,]+)–([\d,]+) of ([\d,]+)/.exec(text);
    return match ? [match.slice(1).map((value) => Number(value.replace(/,/g, "")))] : [];
  });

// Rendering a thousand rows takes a second or two alone; on a busy machine running every test file at once,
// several times that.
const SLOW = { timeout: 30_000 };

describe("renderDossier: pages", SLOW, () => {
  it("fills every sheet with the same number of one-line rows and numbers pages 'x of y'", async () => {
    const total = 1_000;
    const { result, pages } = await render(Array.from({ length: total }, (_, i) => person(i + 1)));
    const sheets = ranges(pages.map((page) => page.text));
    const perPage = sheets[0][1];
    expect(perPage).toBeGreaterThanOrEqual(40);
    expect(perPage).toBeLessThanOrEqual(60);
    expect(sheets).toHaveLength(Math.ceil(total / perPage));
    expect(result.pages).toBe(1 + sheets.length);
    expect(pages).toHaveLength(result.pages);
    sheets.forEach(([from, to, of], index) => {
      expect(from).toBe(index * perPage + 1);
      expect(to).toBe(Math.min(total, (index + 1) * perPage));
      expect(of).toBe(total);
    });
    pages.forEach((page, index) =>
      expect(page.text).toContain(`Page ${(index + 1).toLocaleString("en")} of ${pages.length}`),
    );
    expect(pages[1].text).toContain(
      "No. Name City Country Date signed 1 Person 1 Berlin Germany 2026-03-01 2 Person 2",
    );
    expect(result.signatures).toBe(total);
  });

  it("numbers rows on across pages and never splits a row, however many lines its name takes", async () => {
    const rows = Array.from({ length: 800 }, (_, i): DossierRow => {
      const n = i + 1;
      if (n % 7 !== 0) return person(n);
      const words = Array.from({ length: 6 + (n % 40) }, (_, w) => `word${w}`).join(" ");
      return { ...person(n), name: `Begin-${n} ${words} End-${n}` };
    });
    const { pages } = await render(rows);
    const sheets = ranges(pages.map((page) => page.text));
    expect(sheets[0][0]).toBe(1);
    expect(sheets.at(-1)![1]).toBe(800);
    for (let index = 1; index < sheets.length; index++) expect(sheets[index][0]).toBe(sheets[index - 1][1] + 1);
    const sheetPages = pages.filter((page) => ranges([page.text]).length > 0);
    const lines = new Set(sheets.map(([from, to]) => to - from + 1));
    expect(lines.size).toBeGreaterThan(1); // tall rows leave room for fewer on their page
    sheets.forEach(([from, to], index) => {
      const text = sheetPages[index].text;
      for (let n = from; n <= to; n++) {
        const number = n.toLocaleString("en");
        if (n % 7 === 0) expect(text).toMatch(new RegExp(`${number} Begin-${n} word0 .* End-${n} Berlin Germany`));
        else expect(text).toContain(`${number} Person ${n} Berlin`);
      }
    });
  });

  it("prints the name with a co-signer's role and organisation, and a dash for an unknown date", async () => {
    const { pages } = await render([
      { ...person(1), role: "Professor", organisation: "University of Leeds", signedAt: null },
    ]);
    expect(pages[1].text).toContain("1 Person 1 — Professor, University of Leeds Berlin Germany —");
  });

  it("prints the cover: title, addressee, count, date and the text's Markdown with its emphasis", async () => {
    const { pages } = await render([person(1)]);
    const text = pages[0].text;
    expect(text).toContain("Annul the verdicts of the Moscow Trials");
    expect(text).toContain("Addressed to: The leadership of the Soviet Union");
    expect(text).toContain("Signatures: 1");
    expect(text).toContain("Generated: 28 November 2026 at 09:30 UTC");
    expect(text).toContain("Our demands We, the undersigned , ask for justice .");
    expect(text).toContain("1. Annul every verdict; 2. Rehabilitate every defendant.");
    expect(text).toContain("See the committee (https://example.org/committee).");
    expect(text).not.toContain("script");
    const font = (word: string) => pages[0].items.find((item) => item.text === word)?.font;
    expect(font("undersigned")).toBe("NotoSans-Bold");
    expect(font("justice")).toBe("NotoSans-Italic");
    expect(font("Our demands")).toBe("NotoSans-Bold");
  });

  it("speaks Russian when asked: labels, numbers, dates and country names", async () => {
    const { pages } = await render(
      Array.from({ length: 1_001 }, (_, i) => person(i + 1)),
      { locale: "ru" },
    );
    expect(pages[0].text).toContain("Адресат: The leadership of the Soviet Union");
    expect(pages[0].text).toContain("Подписи: 1 001");
    expect(pages[0].text).toContain("Сформировано: 28 ноября 2026");
    expect(pages[1].text).toMatch(/Подписи 1–\d+ из 1 001/);
    expect(pages[1].text).toContain("№ Имя Город Страна Дата подписи 1 Person 1 Berlin Германия 01.03.2026");
    expect(pages.at(-1)!.text).toContain(`Страница ${pages.length} из ${pages.length}`);
  });
});

describe("renderDossier: fonts", SLOW, () => {
  const samples = {
    cyrillic: ["Вера Иванова", "Олександр Ґалаґан", "Ђорђе Јовановић"],
    accented: ["Łukasz Żółć", "Nguyễn Văn Đức", "Çağrı Şahin", "José Álvarez-Muñoz", "Ștefan Țurcanu", "Ödön Győri"],
    cjk: ["王小明", "山田太郎", "さくら", "김민수"],
    other: ["Γιώργος Παπαδόπουλος", "გიორგი ბერიძე", "Արամ Պետրոսյան", "דוד כהן", "محمد علي"],
  };
  const all = Object.values(samples).flat();

  it("has a glyph in the embedded fonts for every sample character, in every style", () => {
    const chooser = new FontChooser();
    for (const style of ["regular", "bold", "italic", "boldItalic"] as TextStyle[]) {
      const missing = [...all.join("")].filter((char) => chooser.choose(char.codePointAt(0)!, style) === null);
      expect(missing, style).toEqual([]);
    }
  });

  it("puts Cyrillic, accented Latin, CJK and other scripts' names into the PDF as text, each in a font that has it", async () => {
    const { result, pages } = await render(all.map((name, i) => ({ ...person(i + 1), name })));
    expect(result.missingGlyphs).toEqual({ count: 0, sample: [], rows: 0, names: [] });
    for (const name of all) expect(pages[1].text).toContain(name);
    const font = (name: string) => pages[1].items.find((item) => item.text === name)?.font;
    expect(font("Вера Иванова")).toBe("NotoSans-Regular");
    expect(font("Nguyễn Văn Đức")).toBe("NotoSans-Regular");
    expect(font("王小明")).toBe("NotoSansSC-Regular");
    expect(font("さくら")).toBe("NotoSansSC-Regular");
    expect(font("김민수")).toBe("NotoSansKR-Regular");
    expect(font("გიორგი ბერიძე")).toBe("NotoSansGeorgian-Regular");
    // pdf.js reads right-to-left text back in logical order only if its words were drawn right to left.
    expect(font("דוד כהן")).toBe("NotoSansHebrew-Regular");
    expect(font("محمد علي")).toBe("NotoSansArabic-Regular");
  });

  it("keeps punctuation after right-to-left text on the left-to-right line around it", async () => {
    const { pages } = await render([{ ...person(1), name: "محمد علي — Professor" }]);
    expect(pages[1].items.find((item) => item.text.includes("Professor"))).toMatchObject({
      text: "— Professor",
      font: "NotoSans-Regular",
    });
  });

  it("prints a character no font has as U+FFFD and counts it, rather than dropping it", async () => {
    const { result, pages } = await render([{ ...person(1), name: "Smiling 😀 Signer" }]);
    expect(result.missingGlyphs).toEqual({ count: 1, sample: ["😀"], rows: 1, names: ["1: Smiling 😀 Signer"] });
    expect(pages[1].text).toContain("Smiling \uFFFD Signer");
  });

  it("names the signatures that hold such characters, by number, and counts every one", async () => {
    const rows = [person(1), { ...person(2), name: "Rocket 🚀🚀" }, person(3), { ...person(4), city: "Town 🏙" }];
    const { result } = await render(rows);
    expect(result.missingGlyphs).toMatchObject({ count: 3, rows: 2, names: ["2: Rocket 🚀🚀", "4: Person 4"] });
  });
});

describe("renderDossier: the cover", SLOW, () => {
  it("lists the letter's authors, how signatures were checked and who delivers it", async () => {
    const { pages } = await render([person(1)], {
      cover: {
        ...cover,
        authors: [{ name: "Vsevolod Volkov", description: "grandson" }, { name: "Nora Volkow" }],
        deliveredBy: [{ title: "The Moscow delegation, 1989", members: ["Esteban Volkov", "Vlady Kibalchich"] }],
      },
    });
    const text = pages[0].text;
    expect(text).toContain("Written and signed by: Vsevolod Volkov, grandson; Nora Volkow");
    expect(text).toContain("How signatures were checked: Each signature was confirmed by its signer");
    expect(text).toContain("each address is counted once per document");
    expect(text).toContain("Delivered by: The Moscow delegation, 1989: Esteban Volkov and Vlady Kibalchich");
  });
});

describe("renderDossier: output", SLOW, () => {
  const rows = Array.from({ length: 300 }, (_, i) => person(i + 1));

  it("gives the same bytes and SHA-256 for the same input, and reports what it wrote", async () => {
    const first = await render(rows);
    const second = await render(rows);
    expect(second.result.sha256).toBe(first.result.sha256);
    expect(second.data.equals(first.data)).toBe(true);
    expect(first.result.sha256).toBe(createHash("sha256").update(first.data).digest("hex"));
    expect(first.result.bytes).toBe(first.data.length);
    const later = await render(rows, { cover: { ...cover, generatedAt: new Date("2026-11-29T09:30:00Z") } });
    expect(later.result.sha256).not.toBe(first.result.sha256);
  });

  it("reports progress after the cover and after every sheet page, ending at the total", async () => {
    const calls: [number, number][] = [];
    const { result } = await render(rows, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toHaveLength(result.pages);
    expect(calls[0]).toEqual([0, 300]);
    expect(calls.at(-1)).toEqual([300, 300]);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
  });

  it("refuses rows that do not add up to the total it was told", async () => {
    await expect(render(rows, { total: 301 })).rejects.toThrow("300 signatures where 301 were expected");
    await expect(render(rows, { total: 299 })).rejects.toThrow("More signatures than the 299 expected");
  });

  it("stops with the output's error instead of waiting on a broken output", async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error("disk full"));
      },
    });
    await expect(
      renderDossier({ cover, rows: rowsOf(rows), total: rows.length, locale: "en" }, broken),
    ).rejects.toThrow("disk full");
  });
});
