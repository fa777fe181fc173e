import "server-only";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import PDFDocument from "pdfkit";
import { fallbackFiles, fontPath } from "./fonts";
import type { Locale } from "@/lib/i18n/locales";
import { dossierLabels, type DossierLabels } from "./labels";
import { writeMarkdown, type Flow } from "./markdown-to-pdf";
import { PageTotal } from "./page-total";
import type { DossierRow } from "@/db/queries/dossier";
import { SignatureSheets } from "./signature-sheets";
import { Typesetter } from "./typesetter";

type DossierCover = {
  title: string;
  addressee: string;
  /** The document's text, in Markdown. */
  body: string;
  /** A letter's authors, listed on the cover before the text. */
  authors?: { name: string; description?: string }[];
  /** The delegations that carry the document, each with its members' names. */
  deliveredBy?: { title: string; members: string[] }[];
  /** Printed on the cover and used as the PDF's creation date, so the same input gives the same file. */
  generatedAt: Date;
};

export type DossierInput = {
  cover: DossierCover;
  /** Confirmed signatures in signing order; read once, one at a time. */
  rows: AsyncIterable<DossierRow>;
  /** How many rows there are: printed on the cover and in each sheet's header, checked against the rows. */
  total: number;
  locale: Locale;
  /** Called after the cover and after each sheet page (every 40-odd rows). */
  onProgress?: (done: number, total: number) => void;
};

export type DossierResult = {
  sha256: string;
  bytes: number;
  pages: number;
  signatures: number;
  /**
   * Characters no embedded font has: printed as U+FFFD. `rows` signatures hold them, the first of which
   * are in `names` ("No.: name"), for the organiser to check before printing.
   */
  missingGlyphs: { count: number; sample: string[]; rows: number; names: string[] };
};

// A4, in points.
const WIDTH = 595.28;
const HEIGHT = 841.89;
const MARGIN = 42;
const FOOTER_SIZE = 8;
const BUFFERED = 1 << 20;
// Pages between two clear-outs of pdfkit's word layouts: a few MB of them, reused for countries and dates.
const FORGET_EVERY = 20;

/**
 * Writes the delivery dossier as a PDF to `output`: a cover with the document's text, then the numbered
 * signature sheets. Streams page by page, waiting whenever `output` is slow, and hashes what it writes.
 */
export async function renderDossier(input: DossierInput, output: Writable): Promise<DossierResult> {
  const { cover, locale, total } = input;
  const labels = dossierLabels(locale);
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: 0,
    autoFirstPage: false,
    font: fontPath(fallbackFiles("regular")[0]),
    lang: locale,
    displayTitle: true,
    info: {
      Title: cover.title,
      Subject: cover.addressee,
      Creator: "Delegation",
      CreationDate: cover.generatedAt,
      ModDate: cover.generatedAt,
    },
  });
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const done = pipeline(doc, tap, output);
  // Rejects as soon as the output fails, so that rendering stops instead of waiting on it.
  const failed = done.then(() => new Promise<never>(() => {}));
  failed.catch(() => {});

  const typesetter = new Typesetter(doc);
  const pageTotal = new PageTotal(doc, fallbackFiles("regular")[0], FOOTER_SIZE);
  let pages = 0;
  doc.on("pageAdded", () => {
    pages++;
    const [prefix] = typesetter.lines(labels.pageOf(pages), "regular", FOOTER_SIZE, WIDTH);
    const baseline = HEIGHT - MARGIN / 2 - 4;
    typesetter.drawLine(prefix, MARGIN, baseline, FOOTER_SIZE);
    pageTotal.place(MARGIN + prefix.width, baseline);
  });

  const flushed = async () => {
    await Promise.race([nextTurn(), failed]);
    while (doc.readableLength > BUFFERED) {
      await Promise.race([tap.writableNeedDrain ? once(tap, "drain") : nextTurn(), failed]);
    }
  };

  let affected = { rows: 0, names: [] as string[] };
  try {
    writeCover(doc, typesetter, labels, cover, total);
    input.onProgress?.(0, total);
    await flushed();
    const sheets = new SignatureSheets(doc, typesetter, labels, cover.title, {
      left: MARGIN,
      top: MARGIN,
      width: WIDTH - 2 * MARGIN,
      bottom: HEIGHT - MARGIN,
    });
    affected = sheets.affected;
    let sheetPages = 0;
    for await (const written of sheets.write(input.rows, total)) {
      if (++sheetPages % FORGET_EVERY === 0) typesetter.forgetLayouts();
      input.onProgress?.(written, total);
      await flushed();
    }
    pageTotal.settle(labels.count(pages));
    doc.end();
    await done;
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => {});
    throw error;
  }
  return {
    sha256: hash.digest("hex"),
    bytes,
    pages,
    signatures: total,
    missingGlyphs: {
      count: typesetter.missing.count,
      sample: [...typesetter.missing.sample],
      rows: affected.rows,
      names: affected.names,
    },
  };
}

function writeCover(
  doc: PDFKit.PDFDocument,
  typesetter: Typesetter,
  labels: DossierLabels,
  cover: DossierCover,
  total: number,
) {
  doc.addPage();
  const flow: Flow = {
    doc,
    typesetter,
    left: MARGIN,
    width: WIDTH - 2 * MARGIN,
    y: MARGIN,
    ensure(height) {
      if (this.y + height > HEIGHT - MARGIN) {
        doc.addPage();
        this.y = MARGIN;
      }
    },
  };
  const line = (text: string, style: "regular" | "bold", size: number, color = "#000000") => {
    doc.fillColor(color);
    for (const wrapped of typesetter.wrap([{ text, style }], flow.width, size)) {
      flow.ensure(size * 1.35);
      typesetter.drawLine(wrapped, flow.left, flow.y + size * 1.05, size);
      flow.y += size * 1.35;
    }
    doc.fillColor("#000000");
  };
  const fact = (label: string, value: string) => {
    const size = 11;
    flow.ensure(size * 1.35);
    const lines = typesetter.wrap(
      [
        { text: `${label}: `, style: "bold" },
        { text: value, style: "regular" },
      ],
      flow.width,
      size,
    );
    for (const wrapped of lines) {
      flow.ensure(size * 1.35);
      typesetter.drawLine(wrapped, flow.left, flow.y + size * 1.05, size);
      flow.y += size * 1.35;
    }
  };
  line(labels.heading, "regular", 10, "#555555");
  flow.y += 6;
  line(cover.title, "bold", 20);
  flow.y += 10;
  fact(labels.addressee, cover.addressee);
  fact(labels.signatures, labels.count(total));
  fact(labels.generated, labels.dateTime(cover.generatedAt));
  fact(labels.verification, labels.verified);
  for (const delegation of cover.deliveredBy ?? []) {
    fact(labels.deliveredBy, labels.delegation(delegation.title, delegation.members));
  }
  if (cover.authors?.length) {
    fact(
      labels.authors,
      cover.authors
        .map((author) => (author.description ? `${author.name}, ${author.description}` : author.name))
        .join("; "),
    );
  }
  flow.y += 8;
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor("#000000")
    .moveTo(flow.left, flow.y)
    .lineTo(flow.left + flow.width, flow.y)
    .stroke()
    .restore();
  flow.y += 14;
  writeMarkdown(flow, cover.body);
}
