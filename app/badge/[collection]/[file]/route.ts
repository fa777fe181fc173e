import { badgeSvg } from "@/lib/format/counter-markup";
import { isLocale, regionalLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocument } from "@/server/public/public-documents";

// Cached like the count endpoint (revalidate 2; next.config.ts sends its Cache-Control).
export const revalidate = 2;
export async function generateStaticParams() {
  return [];
}

type Context = { params: Promise<{ collection: string; file: string }> };

/** "/badge/petitions/{slug}.svg" (English) or "/badge/petitions/{slug}.ru.svg". */
function parseFile(file: string): { slug: string; locale: Locale } | null {
  const match = /^([a-z0-9-]{1,100}?)(?:\.([a-z]{2}))?\.svg$/.exec(file);
  if (!match) return null;
  const locale = match[2] ?? "en";
  return isLocale(locale) ? { slug: match[1], locale } : null;
}

/** An SVG badge with the confirmed count, for an <img> on a partner's page. */
export async function GET(_request: Request, { params }: Context) {
  const { collection, file } = await params;
  const parsed = parseFile(file);
  const document = parsed && (await findPublicDocument(collection, parsed.slug, parsed.locale));
  if (!parsed || !document) return new Response("No such document.", { status: 404 });
  const count = document.signatureCount.toLocaleString(regionalLocale(parsed.locale));
  const svg = badgeSvg(translator(parsed.locale)("embed.badgeLabel"), count);
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
}
