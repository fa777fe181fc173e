/**
 * The counter widgets partners put on their pages: a tiny HTML page for a frame and an SVG badge for an
 * <img>. Both are plain text with every value escaped; neither carries a script.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export type CounterText = {
  language: string;
  title: string;
  /** "1,234 confirmed signatures", in the page's language. */
  count: string;
  /** "of 10,000", or null without a goal. */
  goal: string | null;
  /** The campaign's page, opened in a new tab. */
  link: string;
  linkLabel: string;
};

/** The counter page: style attributes only (the CSP allows those, not inline <style>), no script. */
export function counterHtml(text: CounterText): string {
  const goal = text.goal ? ` <span style="color:#555">${escapeMarkup(text.goal)}</span>` : "";
  return `<!doctype html>
<html lang="${escapeMarkup(text.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeMarkup(text.title)}</title></head>
<body style="margin:0;font:16px/1.4 system-ui,sans-serif;color:#1d1d1f;background:transparent">
<p style="margin:0 0 .25rem"><strong id="count" style="font-size:1.5rem">${escapeMarkup(text.count)}</strong>${goal}</p>
<p style="margin:0"><a href="${escapeMarkup(text.link)}" target="_blank" rel="noopener" style="color:#8a1c1c">${escapeMarkup(text.linkLabel)}</a></p>
</body></html>
`;
}

/** Roughly how wide a text is at 11px in a sans-serif font; enough to size the badge's halves. */
const textWidth = (text: string) => Math.round(text.length * 6.6) + 12;

/** A two-part badge: "Signatures | 1,234". */
export function badgeSvg(label: string, value: string): string {
  const left = textWidth(label);
  const right = textWidth(value);
  const width = left + right;
  const [l, v] = [escapeMarkup(label), escapeMarkup(value)];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${l}: ${v}">
<title>${l}: ${v}</title>
<rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="#8a1c1c"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">
<text x="${left / 2}" y="14">${l}</text><text x="${left + right / 2}" y="14">${v}</text>
</g>
</svg>
`;
}
