import "server-only";
import * as fontkit from "fontkit";
import { existsSync } from "node:fs";
import path from "node:path";

export type TextStyle = "regular" | "bold" | "italic" | "boldItalic";

// Noto fonts (SIL Open Font License) as Google Fonts builds them, shipped as TTF files in npm packages, so a
// fresh machine needs no system fonts and no network. Noto Sans covers Latin (with the extended ranges:
// Polish, Turkish, Romanian, Vietnamese…), Greek, Cyrillic (Ukrainian, Serbian…) and Devanagari; its CJK
// companions lack much of that, but Noto Sans SC has every unified Han ideograph and kana, and Noto Sans KR
// adds Hangul. The small script fonts cover the other names the signing form sees most.
const script = (name: string, file: string) => ({
  regular: `@expo-google-fonts/noto-sans-${name}/400Regular/NotoSans${file}_400Regular.ttf`,
  bold: `@expo-google-fonts/noto-sans-${name}/700Bold/NotoSans${file}_700Bold.ttf`,
});

const files = {
  sans: {
    regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
    italic: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
    boldItalic: "@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf",
  },
  // The other fonts have no italics; upright is what a reader of those scripts expects anyway.
  sc: script("sc", "SC"),
  kr: script("kr", "KR"),
  armenian: script("armenian", "Armenian"),
  georgian: script("georgian", "Georgian"),
  hebrew: script("hebrew", "Hebrew"),
  arabic: script("arabic", "Arabic"),
} as const;

const rightToLeft = new Set<string>([files.hebrew.regular, files.hebrew.bold, files.arabic.regular, files.arabic.bold]);

/** Whether the font's script is written right to left (Hebrew, Arabic). */
export const isRightToLeft = (file: string): boolean => rightToLeft.has(file);

const upright = (style: TextStyle) => (style === "bold" || style === "boldItalic" ? "bold" : "regular");

const others = [files.sc, files.kr, files.armenian, files.georgian, files.hebrew, files.arabic];

/** Fonts to try for each style, best first. */
const chains: Record<TextStyle, readonly string[]> = {
  regular: [files.sans.regular, ...others.map((family) => family.regular)],
  bold: [files.sans.bold, ...others.map((family) => family.bold)],
  italic: [files.sans.italic, ...others.map((family) => family[upright("italic")])],
  boldItalic: [files.sans.boldItalic, ...others.map((family) => family[upright("boldItalic")])],
};

const paths = new Map<string, string>();

/**
 * Absolute path of a font file in its package; it is also the font's name for pdfkit. Found from the
 * project's root, where the server and the scripts run: in Next's server bundle require.resolve and
 * createRequire are the bundler's, which cannot resolve a path computed at run time.
 */
export function fontPath(file: string): string {
  let found = paths.get(file);
  if (!found) {
    found = path.join(process.cwd(), "node_modules", file);
    if (!existsSync(/* turbopackIgnore: true */ found))
      throw new Error(`Font file ${found} is missing: run npm install in the project's root`);
    paths.set(file, found);
  }
  return found;
}

// Parsed once per process and shared: only the cmap is read from them, and fontkit parses lazily.
const opened = new Map<string, fontkit.Font>();

function openFont(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) {
    const parsed = fontkit.openSync(fontPath(file));
    if (!("hasGlyphForCodePoint" in parsed)) throw new Error(`${file} is a font collection, not a font`);
    opened.set(file, (font = parsed));
  }
  return font;
}

export const fallbackFiles = (style: TextStyle): readonly string[] => chains[style];

/** The first font of the style's chain that has a glyph for the code point, or null when none has. */
export class FontChooser {
  private readonly memo: Record<TextStyle, Map<number, string | null>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
    boldItalic: new Map(),
  };

  choose(codePoint: number, style: TextStyle): string | null {
    const memo = this.memo[style];
    let file = memo.get(codePoint);
    if (file === undefined) {
      file = chains[style].find((candidate) => openFont(candidate).hasGlyphForCodePoint(codePoint)) ?? null;
      memo.set(codePoint, file);
    }
    return file;
  }

  has(file: string, codePoint: number): boolean {
    return openFont(file).hasGlyphForCodePoint(codePoint);
  }
}
