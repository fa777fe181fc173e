import "server-only";
import LineBreaker from "linebreak";
import { fallbackFiles, fontPath, FontChooser, isRightToLeft, type TextStyle } from "./fonts";

export type Span = { text: string; style: TextStyle };
/** Text set in one font: the unit pdfkit can draw in one call. */
export type Run = { text: string; file: string; width: number };
export type Line = { runs: Run[]; width: number };

type Piece = { runs: Run[]; width: number; trailing: number; required: boolean };

// Spaces, marks, punctuation and digits stay in the font of the text around them when it has them, so
// "王小明 (北京)" is one run and "Anna 王" does not switch fonts for the space.
const NEUTRAL = /[\p{Zs}\p{M}\p{P}\p{N}\p{Cf}]/u;
// Invisible by definition (variation selectors, joiners): dropped quietly when no font has them.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL = /\p{Cc}/u;
const REPLACEMENT = "\uFFFD";
const SAMPLE_SIZE = 20;

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * Sets text in a chain of fonts: each character goes to the first font that has it. A character no font
 * has is printed as U+FFFD and counted, never silently dropped: the dossier must not quietly lose a
 * letter of someone's name.
 */
export class Typesetter {
  private readonly chooser = new FontChooser();
  readonly missing = { count: 0, sample: new Set<string>() };

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  runs(text: string, style: TextStyle, size: number): Run[] {
    const runs: Run[] = [];
    const primary = fallbackFiles(style)[0];
    let current: string | null = null;
    let buffer = "";
    // Spaces and punctuation after right-to-left text join it only if more of it follows; otherwise they
    // belong to the left-to-right line around it (as the Unicode bidi algorithm has it for an LTR page).
    let pending = "";
    const flush = () => {
      if (current !== null && buffer)
        runs.push({ text: buffer, file: current, width: this.width(buffer, current, size) });
      buffer = "";
    };
    const put = (file: string, chars: string) => {
      if (file !== current) flush();
      current = file;
      buffer += chars;
    };
    const settle = (next: string) => {
      if (!pending) return;
      const fits = [...pending].every((char) => this.chooser.has(next, char.codePointAt(0)!));
      put(next === current || fits ? next : primary, pending);
      pending = "";
    };
    for (const char of text) {
      if (CONTROL.test(char)) continue;
      const codePoint = char.codePointAt(0)!;
      if (current !== null && NEUTRAL.test(char) && this.chooser.has(current, codePoint)) {
        if (isRightToLeft(current)) pending += char;
        else buffer += char;
        continue;
      }
      let file = this.chooser.choose(codePoint, style);
      let out = char;
      if (file === null) {
        if (IGNORABLE.test(char)) continue;
        this.noteMissing(char);
        file = current !== null && !isRightToLeft(current) && this.chooser.has(current, 0xfffd) ? current : primary;
        out = REPLACEMENT;
      }
      settle(file);
      put(file, out);
    }
    settle(primary);
    flush();
    return runs;
  }

  width(text: string, file: string, size: number): number {
    return this.doc.font(fontPath(file), size).widthOfString(text);
  }

  /** Breaks styled text into lines no wider than maxWidth, at the places Unicode allows (UAX #14). */
  wrap(spans: Span[], maxWidth: number, size: number): Line[] {
    const lines: Line[] = [];
    let line: Line = { runs: [], width: 0 };
    let trailing = 0;
    const close = () => {
      line.width -= trailing;
      lines.push(line);
      line = { runs: [], width: 0 };
      trailing = 0;
    };
    const plain = spans.map((span) => ({ ...span, text: span.text.replace(/\t/g, " ") }));
    for (const piece of this.pieces(plain, size)) {
      if (line.runs.length > 0 && line.width + piece.width - piece.trailing > maxWidth) close();
      if (piece.width - piece.trailing > maxWidth) {
        for (const part of this.splitWide(piece, maxWidth, size)) {
          if (line.runs.length > 0) close();
          append(line, part.runs, part.width);
        }
      } else {
        append(line, piece.runs, piece.width);
      }
      trailing = piece.trailing;
      if (piece.required) close();
    }
    if (line.runs.length > 0 || lines.length === 0) close();
    return lines;
  }

  /** Draws one line with its baseline at y; align "right" ends it at x + width. */
  drawLine(line: Line, x: number, y: number, size: number, options: { width?: number; align?: "right" } = {}) {
    let left = options.align === "right" && options.width !== undefined ? x + options.width - line.width : x;
    for (const run of line.runs) {
      if (isRightToLeft(run.file)) {
        // fontkit shapes each word right to left; the words are put in visual order here, one by one, as
        // pdfkit would otherwise shape a word's trailing space onto the wrong side of it.
        for (const word of run.text.split(/( +)/).reverse()) {
          if (word.trim())
            this.doc.font(fontPath(run.file), size).text(word, left, y, { lineBreak: false, baseline: "alphabetic" });
          left += word ? this.width(word, run.file, size) : 0;
        }
        continue;
      }
      this.doc.font(fontPath(run.file), size).text(run.text, left, y, { lineBreak: false, baseline: "alphabetic" });
      left += run.width;
    }
  }

  /** Lines of one style of text; the usual short cell skips the line breaker. */
  lines(text: string, style: TextStyle, size: number, maxWidth: number): Line[] {
    const runs = this.runs(text, style, size);
    const width = runs.reduce((sum, run) => sum + run.width, 0);
    return width <= maxWidth && !/[\n\u2028\u2029]/.test(text)
      ? [{ runs, width }]
      : this.wrap([{ text, style }], maxWidth, size);
  }

  /** One line of plain text, cut with an ellipsis when wider than maxWidth. */
  fit(text: string, style: TextStyle, size: number, maxWidth: number): Line {
    const [first, ...rest] = this.wrap([{ text, style }], maxWidth, size);
    if (rest.length === 0) return first;
    const ellipsis = this.runs("…", style, size);
    const room = maxWidth - ellipsis[0].width;
    const [cut] = this.wrap([{ text, style }], Math.max(room, 0), size);
    return { runs: [...cut.runs, ...ellipsis], width: cut.width + ellipsis[0].width };
  }

  /**
   * pdfkit keeps the layout of every distinct word it has set, for the life of the document: with 100,000
   * names and row numbers that grows without bound. Forgetting them between pages keeps memory flat.
   */
  forgetLayouts() {
    const fonts = (this.doc as unknown as { _fontFamilies: Record<string, { layoutCache?: object }> })._fontFamilies;
    for (const font of Object.values(fonts)) if (font.layoutCache) font.layoutCache = Object.create(null);
  }

  private noteMissing(char: string) {
    this.missing.count++;
    if (this.missing.sample.size < SAMPLE_SIZE) this.missing.sample.add(char);
  }

  /** The text between two break opportunities, in runs, with the width of its trailing spaces. */
  private *pieces(spans: Span[], size: number): Generator<Piece> {
    const breaker = new LineBreaker(spans.map((span) => span.text).join(""));
    let start = 0;
    for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
      const piece: Piece = { runs: [], width: 0, trailing: 0, required: next.required };
      let offset = 0;
      for (const span of spans) {
        const spanStart = offset;
        offset += span.text.length;
        const from = Math.max(start, spanStart);
        const to = Math.min(next.position, offset);
        if (from >= to) continue;
        const slice = span.text.slice(from - spanStart, to - spanStart).replace(/[\r\n\u2028\u2029]+$/, "");
        const core = slice.replace(/ +$/, "");
        if (core) piece.trailing = 0;
        for (const [text, trailing] of [
          [core, false],
          [slice.slice(core.length), true],
        ] as const) {
          for (const run of this.runs(text, span.style, size)) {
            piece.runs.push(run);
            piece.width += run.width;
            if (trailing) piece.trailing += run.width;
          }
        }
      }
      yield piece;
      start = next.position;
    }
  }

  /** A piece wider than the line (a long word or address), cut between grapheme clusters. */
  private splitWide(piece: Piece, maxWidth: number, size: number): { runs: Run[]; width: number }[] {
    const parts: { runs: Run[]; width: number }[] = [];
    let part: { runs: Run[]; width: number } = { runs: [], width: 0 };
    for (const run of piece.runs) {
      for (const { segment } of graphemes.segment(run.text)) {
        const width = this.width(segment, run.file, size);
        if (part.width + width > maxWidth && part.runs.length > 0) {
          parts.push(part);
          part = { runs: [], width: 0 };
        }
        const last = part.runs.at(-1);
        if (last && last.file === run.file) {
          last.text += segment;
          last.width += width;
        } else {
          part.runs.push({ text: segment, file: run.file, width });
        }
        part.width += width;
      }
    }
    if (part.runs.length > 0) parts.push(part);
    return parts;
  }
}

function append(line: Line, runs: Run[], width: number) {
  for (const run of runs) {
    const last = line.runs.at(-1);
    if (last && last.file === run.file) {
      line.runs[line.runs.length - 1] = { text: last.text + run.text, file: run.file, width: last.width + run.width };
    } else {
      line.runs.push({ ...run });
    }
  }
  line.width += width;
}
