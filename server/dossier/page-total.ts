import "server-only";
import { fontPath } from "./fonts";

// The parts of pdfkit's embedded font this module needs; pdfkit keeps the current one in doc._font.
type EmbeddedFont = {
  id: string;
  ascender: number;
  descender: number;
  ref(): PDFKit.PDFKitReference;
  encode(text: string): [string[], unknown];
  widthOfString(text: string, size: number): number;
};

const NAME = "PageTotal";

/**
 * "Page x of y" while streaming, when y is known only after the last page: every footer draws one shared
 * form XObject, and its content, the number, is written at the end. PDF allows a page to refer to an
 * object that comes later in the file, so no page has to wait in memory.
 */
export class PageTotal {
  private readonly xobject: PDFKit.PDFKitReference;
  private readonly font: EmbeddedFont;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    fontFile: string,
    private readonly size: number,
  ) {
    doc.font(fontPath(fontFile));
    this.font = (doc as unknown as { _font: EmbeddedFont })._font;
    this.xobject = doc.ref({
      Type: "XObject",
      Subtype: "Form",
      Resources: { Font: { [this.font.id]: this.font.ref() } },
    });
  }

  /** Places the total with its baseline at (x, y) on the current page. */
  place(x: number, y: number) {
    this.doc.page.xobjects[NAME] = this.xobject;
    this.doc.save();
    this.doc.transform(1, 0, 0, -1, x, y);
    this.doc.addContent(`/${NAME} Do`);
    this.doc.restore();
  }

  /** Writes the total; call once, after the last page and before doc.end(). */
  settle(total: string) {
    const [glyphs] = this.font.encode(total);
    const scale = this.size / 1000;
    Object.assign(this.xobject.data, {
      BBox: [0, this.font.descender * scale, this.font.widthOfString(total, this.size), this.font.ascender * scale],
    });
    this.xobject.end(`BT /${this.font.id} ${this.size} Tf 0 0 Td <${glyphs.join("")}> Tj ET`);
  }
}
