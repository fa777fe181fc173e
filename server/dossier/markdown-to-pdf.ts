import "server-only";
import type { PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { TextStyle } from "./fonts";
import type { Span, Typesetter } from "./typesetter";

/** Where text goes: a column with a cursor that moves down and onto a new page when it must. */
export type Flow = {
  doc: PDFKit.PDFDocument;
  typesetter: Typesetter;
  left: number;
  width: number;
  y: number;
  /** Starts a new page unless `height` more points fit below the cursor. */
  ensure(height: number): void;
};

const BODY = 10.5;
const HEADINGS = [16, 14, 12.5, 11.5, 11, 11];
const LEADING = 1.4;
const INDENT = 16;
const GREY = "#888888";

type Inline = { bold: boolean; italic: boolean };

const styleOf = ({ bold, italic }: Inline): TextStyle =>
  bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular";

/** Inline Markdown as styled spans; links keep their address, printed in brackets, as paper has no links. */
function spans(nodes: PhrasingContent[], inline: Inline = { bold: false, italic: false }): Span[] {
  return nodes.flatMap((node): Span[] => {
    switch (node.type) {
      case "text":
      case "inlineCode":
        return [{ text: node.value.replace(/\n/g, " "), style: styleOf(inline) }];
      case "strong":
        return spans(node.children, { ...inline, bold: true });
      case "emphasis":
        return spans(node.children, { ...inline, italic: !inline.italic });
      case "delete":
        return spans(node.children, inline);
      case "break":
        return [{ text: "\n", style: styleOf(inline) }];
      case "link": {
        const label = spans(node.children, inline);
        const text = label.map((span) => span.text).join("");
        return text === node.url ? label : [...label, { text: ` (${node.url})`, style: styleOf(inline) }];
      }
      case "image":
        return node.alt ? [{ text: node.alt, style: styleOf(inline) }] : [];
      default:
        return []; // raw HTML is dropped, as the public page drops it
    }
  });
}

function paragraph(
  flow: Flow,
  content: Span[],
  options: { size?: number; indent?: number; marker?: string; bar?: boolean } = {},
) {
  const { size = BODY, indent = 0, marker, bar = false } = options;
  const lineHeight = size * LEADING;
  const lines = flow.typesetter.wrap(content, flow.width - indent, size);
  lines.forEach((line, index) => {
    flow.ensure(lineHeight);
    const baseline = flow.y + size * 1.05;
    if (index === 0 && marker) {
      const [label] = flow.typesetter.wrap([{ text: marker, style: "regular" }], INDENT, size);
      flow.typesetter.drawLine(label, flow.left + indent - INDENT, baseline, size, {
        width: INDENT - 4,
        align: "right",
      });
    }
    if (bar) {
      flow.doc
        .save()
        .lineWidth(1.5)
        .strokeColor(GREY)
        .moveTo(flow.left + indent - 10, flow.y)
        .lineTo(flow.left + indent - 10, flow.y + lineHeight)
        .stroke()
        .restore();
    }
    flow.typesetter.drawLine(line, flow.left + indent, baseline, size);
    flow.y += lineHeight;
  });
}

function blocks(flow: Flow, nodes: RootContent[], indent: number, quoted: boolean, tight = false) {
  for (const node of nodes) {
    const gap = tight ? 2 : BODY * 0.6;
    switch (node.type) {
      case "heading": {
        const size = HEADINGS[node.depth - 1];
        flow.y += size * 0.6;
        flow.ensure(size * LEADING * 2); // keep a heading with the first line after it
        paragraph(flow, spans(node.children, { bold: true, italic: false }), { size, indent, bar: quoted });
        flow.y += 2;
        break;
      }
      case "paragraph":
        paragraph(flow, spans(node.children), { indent, bar: quoted });
        flow.y += gap;
        break;
      case "code":
        paragraph(flow, [{ text: node.value, style: "regular" }], {
          size: BODY - 1,
          indent: indent + INDENT,
          bar: quoted,
        });
        flow.y += gap;
        break;
      case "blockquote":
        blocks(flow, node.children, indent + INDENT, true);
        break;
      case "list":
        node.children.forEach((item, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : "•";
          const [first, ...rest] = item.children;
          if (first?.type === "paragraph") {
            paragraph(flow, spans(first.children), { indent: indent + INDENT, marker, bar: quoted });
            flow.y += node.spread ? gap : 2;
          } else if (first) {
            blocks(flow, [first], indent + INDENT, quoted, !node.spread);
          }
          blocks(flow, rest, indent + INDENT, quoted, !node.spread);
        });
        flow.y += tight ? 0 : gap;
        break;
      case "thematicBreak":
        flow.ensure(BODY);
        flow.doc
          .save()
          .lineWidth(0.5)
          .strokeColor(GREY)
          .moveTo(flow.left + indent, flow.y + BODY / 2)
          .lineTo(flow.left + flow.width, flow.y + BODY / 2)
          .stroke()
          .restore();
        flow.y += BODY;
        break;
      default:
        break; // HTML, definitions: nothing to print
    }
  }
}

/** Prints organiser-written Markdown simply: headings, paragraphs, bold and italic, lists, quotes, rules. */
export function writeMarkdown(flow: Flow, markdown: string) {
  blocks(flow, fromMarkdown(markdown).children, 0, false);
}
