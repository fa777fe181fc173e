import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { SignatureCount } from "@/app/_components/signature-count";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { embedSource } from "@/lib/forms/signature-source";
import { countryOptions } from "@/lib/i18n/countries";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { webOrigin } from "@/lib/security/embed-origins";
import { getPublicDocumentPage } from "@/server/public/public-pages";
import { signEmbeddedAction } from "@/app/[locale]/[collection]/[slug]/actions";
import { formLabels } from "@/app/[locale]/[collection]/[slug]/form-labels";
import { SignForm } from "@/app/[locale]/[collection]/[slug]/sign-form";
import { EmbedFrame } from "./embed-frame";

// Rendered per request: it names the site that frames it (the signatures' source), and proxy.ts gives it
// the campaign's frame-ancestors (docs/embeds.md).
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; collection: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, collection, slug } = await params;
  const document = (await getPublicDocumentPage(collection, slug, toLocale(locale)))?.document;
  return document ? { title: document.title, robots: { index: false } } : {};
}

/**
 * The embedding site: the snippet's script passes it as ?origin=; without that script the browser's
 * Referer of the frame's first request names it. Our own pages (the frame's later requests) name none.
 */
async function embeddingOrigin(searchParams: Props["searchParams"]): Promise<string | null> {
  const given = (await searchParams).origin;
  const own = webOrigin(getConfig().appUrl);
  const origin = webOrigin(typeof given === "string" ? given : null) ?? webOrigin((await headers()).get("referer"));
  return origin === own ? null : origin;
}

export default async function EmbedPage({ params, searchParams }: Props) {
  const { collection, slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const found = await getPublicDocumentPage(collection, slug, locale);
  if (!found) notFound();
  const { document, lastDay } = found;
  const t = translator(locale);
  const fullPage = `${getConfig().appUrl}${localePath(locale, documentPath(document.kind, document.slug))}`;
  return (
    <EmbedFrame>
      <h1 className="embed-title" lang={document.textLocale}>
        {document.title}
      </h1>
      <p>
        <a href={fullPage} target="_blank" rel="noopener">
          {t("embed.readFull", { kind: document.kind })}
        </a>
      </p>
      <SignatureCount
        id="count"
        count={document.signatureCount}
        goal={document.goal}
        t={t}
        lastDay={lastDay}
        live={{ url: `/api/${collection}/${slug}`, locale }}
      />
      {document.status === "open" ? (
        <SignForm
          action={signEmbeddedAction.bind(null, locale, collection, slug)}
          pagePath={localePath(locale, `/embed${documentPath(document.kind, document.slug)}`)}
          countries={countryOptions(locale)}
          documentKind={document.kind}
          stampUrl={`/api/${collection}/${slug}/stamp`}
          labels={formLabels(t, document.kind)}
          source={embedSource(await embeddingOrigin(searchParams))}
        />
      ) : (
        <p className="notice">{t("document.closed", { kind: document.kind })}</p>
      )}
    </EmbedFrame>
  );
}
