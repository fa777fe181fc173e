import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { Markdown } from "@/app/_components/markdown";
import { ShareSection } from "@/app/_components/share-section";
import { SignatureCount } from "@/app/_components/signature-count";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { countryName, countryOptions } from "@/lib/i18n/countries";
import { regionalLocale, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { socialMetadata } from "@/server/social-card/metadata";
import { signerLine } from "@/lib/format/public-name";
import { getPublicDocumentPage } from "@/server/public/public-pages";
import { signAction } from "./actions";
import { formLabels } from "./form-labels";
import { SignForm } from "./sign-form";

// Served from the page cache, rendered again at most every 5 seconds and never served older than
// 10 (lib/cached-pages.ts, docs/caching-and-csp.md): a surge of readers does not reach the database. It
// reads nothing from the request; the form fetches its bot-check stamp when first used.
export const revalidate = 5;

// No document is rendered at build (it would come from the build machine's database): each on first request.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; collection: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, collection, slug } = await params;
  const document = (await getPublicDocumentPage(collection, slug, toLocale(locale)))?.document;
  if (!document) return {};
  const shared = { title: document.title, description: document.summary };
  return { ...shared, ...socialMetadata({ ...shared, path: `/${collection}/${slug}`, locale: toLocale(locale) }) };
}

export default async function DocumentPage({ params }: Props) {
  const { collection, slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const found = await getPublicDocumentPage(collection, slug, locale);
  if (!found) notFound();
  const { document, signers, lastDay } = found;
  const path = localePath(locale, documentPath(document.kind, document.slug));
  const t = translator(locale);
  const isLetter = document.kind === "letter";
  return (
    <article>
      <p className="kind">{t(`kinds.${document.kind}`)}</p>
      <div lang={document.textLocale}>
        <h1>{document.title}</h1>
        <p className="addressee">{t("document.to", { addressee: document.addressee })}</p>
      </div>
      {document.textLocale !== locale ? <p className="notice">{t("document.untranslated")}</p> : null}
      <SignatureCount
        id="count"
        count={document.signatureCount}
        goal={document.goal}
        t={t}
        lastDay={lastDay}
        live={{ url: `/api/${collection}/${slug}`, locale }}
      />
      {document.status === "open" ? (
        // In the first screen on a phone, where the form itself is several screens down.
        <p className="sign-jump">
          <a className="button" href="#sign">
            {t("document.signHeading", { kind: document.kind })}
          </a>
        </p>
      ) : null}
      <div className="document-layout">
        <div>
          <section
            className="document-text"
            aria-label={t("document.textOf", { kind: document.kind })}
            lang={document.textLocale}
          >
            <Markdown>{document.body}</Markdown>
          </section>
          {document.authors.length > 0 ? (
            <section aria-labelledby="authors-heading">
              <h2 id="authors-heading">{t("document.authorsHeading")}</h2>
              <ul className="authors" lang={document.textLocale}>
                {document.authors.map((author) => (
                  <li key={author.name}>
                    <strong>{author.name}</strong>
                    {author.description ? `, ${author.description}` : ""}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="signers-heading">
            <h2 id="signers-heading">{t(isLetter ? "document.recentCosigners" : "document.recentSigners")}</h2>
            {signers.length === 0 ? (
              <p>{t("document.noSigners")}</p>
            ) : (
              <ul className="signers">
                {signers.map((signer) => (
                  <li key={signer.id}>
                    {signerLine(signer)}, {countryName(signer.country, locale)}
                    {signer.confirmedAt ? (
                      <>
                        {" "}
                        <time className="when" dateTime={signer.confirmedAt}>
                          {new Date(signer.confirmedAt).toLocaleDateString(regionalLocale(locale), {
                            day: "numeric",
                            month: "long",
                            year: "numeric",
                          })}
                        </time>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <section id="sign" aria-labelledby="sign-heading" className="card">
          <h2 id="sign-heading">{t("document.signHeading", { kind: document.kind })}</h2>
          {document.status === "open" ? (
            <SignForm
              action={signAction.bind(null, locale, collection, slug)}
              pagePath={path}
              countries={countryOptions(locale)}
              documentKind={document.kind}
              stampUrl={`/api/${collection}/${slug}/stamp`}
              labels={formLabels(t, document.kind)}
            />
          ) : (
            <p className="notice">{t("document.closed", { kind: document.kind })}</p>
          )}
        </section>
      </div>
      <ShareSection url={`${getConfig().appUrl}${path}`} title={document.title} kind={document.kind} t={t} />
    </article>
  );
}
