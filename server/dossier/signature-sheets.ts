import "server-only";
import type { DossierRow } from "@/db/queries/dossier";
import type { DossierColumn, DossierLabels } from "./labels";
import type { Line, Typesetter } from "./typesetter";

export type SheetGeometry = { left: number; top: number; width: number; bottom: number };

const SIZE = 9;
const HEADER_SIZE = 9;
const LABEL_SIZE = 8;
const LINE = 11.5;
const PAD = 2.5;
// A cell longer than this (far beyond any name the form accepts) is cut with an ellipsis, so that one row
// can never be taller than a page.
const MAX_LINES = 40;
const RULE = "#bbbbbb";

type Column = { key: DossierColumn; share: number; align?: "right" };
const COLUMNS: Column[] = [
  { key: "number", share: 0.08, align: "right" },
  { key: "name", share: 0.37 },
  { key: "city", share: 0.2 },
  { key: "country", share: 0.21 },
  { key: "signedAt", share: 0.14 },
];
const CELL_PAD = 4;
// Enough for an organiser to find and check them; the count says how many there are in all.
const AFFECTED_NAMES = 20;

type LaidRow = { cells: Line[][]; height: number };

const nameCell = (row: DossierRow): string => {
  const affiliation = [row.role, row.organisation].filter((part) => part?.trim()).join(", ");
  return affiliation ? `${row.name} — ${affiliation}` : row.name;
};

/**
 * The numbered signature sheets: a table in signing order, as many rows per page as fit, a row never
 * split across pages. Rows are laid out one page at a time, so memory does not grow with the count.
 */
export class SignatureSheets {
  private readonly columns: (Column & { x: number; width: number })[];
  private readonly labelsRow: LaidRow;
  /** Signatures with a character no embedded font has: how many, and the first few as "No. — name". */
  readonly affected = { rows: 0, names: [] as string[] };

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly typesetter: Typesetter,
    private readonly labels: DossierLabels,
    private readonly title: string,
    private readonly geometry: SheetGeometry,
  ) {
    let x = geometry.left;
    this.columns = COLUMNS.map((column) => {
      const placed = { ...column, x, width: column.share * geometry.width };
      x += placed.width;
      return placed;
    });
    this.labelsRow = this.layRow(
      this.columns.map((column) => labels.columns[column.key]),
      "bold",
      LABEL_SIZE,
    );
  }

  /** Pages of rows; yields after each page with the number of rows written so far. */
  async *write(rows: AsyncIterable<DossierRow>, total: number): AsyncGenerator<number> {
    const page: LaidRow[] = [];
    let height = 0;
    let written = 0;
    const room = this.geometry.bottom - this.tableTop() - this.labelsRow.height;
    for await (const row of rows) {
      if (written + page.length >= total) throw new Error(`More signatures than the ${total} expected`);
      const number = written + page.length + 1;
      const missingBefore = this.typesetter.missing.count;
      const laid = this.layRow(this.cells(row, number));
      if (this.typesetter.missing.count > missingBefore) this.noteAffected(row, number);
      if (page.length > 0 && height + laid.height > room) {
        this.drawPage(page, written, total);
        written += page.length;
        page.length = 0;
        height = 0;
        yield written;
      }
      page.push(laid);
      height += laid.height;
    }
    if (page.length > 0) {
      this.drawPage(page, written, total);
      written += page.length;
      yield written;
    }
    if (written !== total) throw new Error(`${written} signatures where ${total} were expected`);
  }

  private noteAffected(row: DossierRow, number: number) {
    this.affected.rows++;
    if (this.affected.names.length < AFFECTED_NAMES)
      this.affected.names.push(`${this.labels.count(number)}: ${nameCell(row)}`);
  }

  private cells(row: DossierRow, number: number): string[] {
    return [
      this.labels.count(number),
      nameCell(row),
      row.city ?? "",
      this.labels.countryName(row.country),
      row.signedAt ? this.labels.date(row.signedAt) : "—",
    ];
  }

  private layRow(texts: string[], style: "regular" | "bold" = "regular", size = SIZE): LaidRow {
    const cells = texts.map((text, index) => {
      const lines = this.typesetter.lines(text, style, size, this.columns[index].width - 2 * CELL_PAD);
      if (lines.length <= MAX_LINES) return lines;
      const kept = lines.slice(0, MAX_LINES);
      const last = kept[MAX_LINES - 1];
      const rest = last.runs.map((run) => run.text).join("");
      kept[MAX_LINES - 1] = this.typesetter.fit(`${rest}…`, style, size, this.columns[index].width - 2 * CELL_PAD);
      return kept;
    });
    const lines = Math.max(...cells.map((cell) => cell.length));
    return { cells, height: lines * LINE + 2 * PAD };
  }

  private tableTop(): number {
    return this.geometry.top + HEADER_SIZE * 2.2;
  }

  private drawPage(rows: LaidRow[], before: number, total: number) {
    const { doc, geometry, labels, typesetter } = this;
    doc.addPage();
    const range = labels.range(before + 1, before + rows.length, total);
    const [rangeLine] = typesetter.lines(range, "regular", HEADER_SIZE, geometry.width);
    const headerBaseline = geometry.top + HEADER_SIZE;
    typesetter.drawLine(rangeLine, geometry.left, headerBaseline, HEADER_SIZE, {
      width: geometry.width,
      align: "right",
    });
    const title = typesetter.fit(this.title, "bold", HEADER_SIZE, geometry.width - rangeLine.width - 16);
    typesetter.drawLine(title, geometry.left, headerBaseline, HEADER_SIZE);
    let y = this.tableTop();
    y = this.drawRow(this.labelsRow, y, LABEL_SIZE, 0.8, "#000000");
    for (const row of rows) y = this.drawRow(row, y, SIZE, 0.3, RULE);
  }

  private drawRow(row: LaidRow, top: number, size: number, ruleWidth: number, ruleColor: string): number {
    row.cells.forEach((lines, index) => {
      const column = this.columns[index];
      lines.forEach((line, n) => {
        const baseline = top + PAD + n * LINE + size * 1.0;
        this.typesetter.drawLine(line, column.x + CELL_PAD, baseline, size, {
          width: column.width - 2 * CELL_PAD,
          align: column.align,
        });
      });
    });
    const bottom = top + row.height;
    this.doc
      .save()
      .lineWidth(ruleWidth)
      .strokeColor(ruleColor)
      .moveTo(this.geometry.left, bottom)
      .lineTo(this.geometry.left + this.geometry.width, bottom)
      .stroke()
      .restore();
    return bottom;
  }
}
