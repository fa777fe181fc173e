import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { counterHtml } from "@/lib/format/counter-markup";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocument } from "@/server/public/public-documents";

// Cached like the count endpoint (revalidate 2; proxy.ts sends the same Cache-Control and the campaign's
// frame-ancestors): partners' readers cost the database nothing.
export const revalidate = 2;
export async function generateStaticParams() {
  return [];
}

type Context = { params: Promise<{ locale: string; collection: string; slug: string }> };

/** A tiny page with the confirmed count, for a frame on a partner's page. */
export async function GET(_request: Request, { params }: Context) {
  const { collection, slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  const document = await findPublicDocument(collection, slug, locale);
  if (!document) return new Response("No such document.", { status: 404 });
  const t = translator(locale);
  const html = counterHtml({
    language: locale,
    title: document.title,
    count: t("embed.counter", { count: document.signatureCount }),
    goal: document.goal > 0 ? t("count.goal", { goal: document.goal }) : null,
    link: `${getConfig().appUrl}${localePath(locale, documentPath(document.kind, document.slug))}`,
    linkLabel: t("document.signHeading", { kind: document.kind }),
  });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
