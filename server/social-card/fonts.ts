import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
// Both packages cut the same subsets (their unicode.json files are identical).
import unicodeRanges from "@fontsource/pt-sans/unicode.json";

// PT Serif and PT Sans (OFL, made for Russian and Latin alike) from their npm packages: WOFF files,
// since satori reads TTF/OTF/WOFF but not WOFF2. Each subset is a separate file. Satori keeps one font
// per name and weight, so every subset gets a name of its own and a text names them all, in order.
const subsets = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"] as const;
const faces = [
  { family: "PT Serif", pkg: "pt-serif", weight: 700 },
  { family: "PT Sans", pkg: "pt-sans", weight: 400 },
] as const;

export type CardFamily = (typeof faces)[number]["family"];

/** The CSS font-family for text in one of the card's families, across all its subsets. */
export function cardFontFamily(family: CardFamily): string {
  return subsets.map((subset) => `"${family} ${subset}"`).join(", ");
}

export type CardFont = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };

let loading: Promise<CardFont[]> | undefined;

/**
 * The fonts, read once per process. The same array is handed to every render: satori keeps parsed fonts
 * per array, so a warm render parses nothing.
 */
export function loadCardFonts(): Promise<CardFont[]> {
  loading ??= Promise.all(
    faces.flatMap(({ family, pkg, weight }) =>
      subsets.map(async (subset) => ({
        name: `${family} ${subset}`,
        data: await readFile(
          path.join(
            process.cwd(),
            "node_modules",
            "@fontsource",
            pkg,
            "files",
            `${pkg}-${subset}-${weight}-normal.woff`,
          ),
        ),
        weight,
        style: "normal" as const,
      })),
    ),
  ).catch((error: unknown) => {
    loading = undefined; // a missing file is fixed by a deploy, not by a restart
    throw error;
  });
  return loading;
}

const covered: [number, number][] = subsets.flatMap((subset) =>
  unicodeRanges[subset].split(",").map((range) => {
    const [start, end = start] = range.replace(/U\+/g, "").split("-");
    return [parseInt(start, 16), parseInt(end, 16)] as [number, number];
  }),
);

function isCovered(character: string): boolean {
  const code = character.codePointAt(0)!;
  return covered.some(([start, end]) => code >= start && code <= end);
}

/**
 * The text with only what the card's fonts can draw. For any other character (CJK, emoji) next/og would
 * fetch a font or an image from a third-party CDN while rendering; the card leaves it out instead.
 */
export function printableOnCard(text: string): string {
  return Array.from(text.normalize("NFC"))
    .map((character) => (isCovered(character) && !/\p{Cc}/u.test(character) ? character : " "))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
