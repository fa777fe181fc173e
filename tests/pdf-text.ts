import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

export type PdfPage = {
  /** The page's text in drawing order, whitespace collapsed to single spaces. */
  text: string;
  /** Each piece of text with the PostScript name of its font (subset tag removed). */
  items: { text: string; font: string }[];
};

/**
 * Reads a PDF the way a viewer does, with Mozilla's pdf.js: text comes from the glyphs through each font's
 * ToUnicode map, so a character that is not in the file as a glyph is not in this text either.
 */
export async function readPdf(data: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocument({
    data: new Uint8Array(data),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      await page.getOperatorList(); // loads the fonts into commonObjs
      const items = content.items
        .filter((item): item is TextItem => "str" in item && item.str.trim() !== "")
        .map((item) => ({
          text: item.str,
          font: String(page.commonObjs.get(item.fontName)?.name ?? "").replace(/^[A-Z]{6}\+/, ""),
        }));
      pages.push({
        text: items
          .map((item) => item.text)
          .join(" ")
          .replace(/\s+/g, " ")
          .trim(),
        items,
      });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
