import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { ClosingLine, FaqSection, MilestoneList, ResponseSection } from "@/app/_components/campaign-record";
import { CountryChart } from "@/app/_components/country-chart";
import { Markdown } from "@/app/_components/markdown";
import { ShareSection } from "@/app/_components/share-section";
import { SignatureCount } from "@/app/_components/signature-count";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { countryName, countryOptions } from "@/lib/i18n/countries";
import { regionalLocale, toLocale, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import { FEWEST_NAMED, type CountryShares } from "@/lib/format/country-shares";
import { socialMetadata } from "@/server/social-card/metadata";
import { signerLine } from "@/lib/format/public-name";
import { getPublicDocumentPage } from "@/server/public/public-pages";
import { getOrganisation } from "@/db/queries/organisation";
import { Link } from "@/i18n/navigation";
import { signAction } from "./actions";
import { redirectIfMoved } from "./moved";
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
  const [found, organisation] = await Promise.all([getPublicDocumentPage(collection, slug, locale), getOrganisation()]);
  if (!found) return redirectIfMoved(collection, slug, locale);
  const { document, signers, lastDay, response, faq, milestones, countries } = found;
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
      <p className="hint">
        {t.rich("document.organisedBy", {
          name: organisation.name,
          link: (chunks) => <Link href="/about">{chunks}</Link>,
        })}
      </p>
      {document.textLocale !== locale ? <p className="notice">{t("document.untranslated")}</p> : null}
      <SignatureCount
        id="count"
        count={document.signatureCount}
        goal={document.goal}
        t={t}
        lastDay={lastDay}
        live={{ url: `/api/${collection}/${slug}`, locale }}
      />
      <ClosingLine document={document} t={t} locale={locale} />
      <ResponseSection
        outcome={document.outcome}
        response={response}
        addressee={document.addressee}
        textLocale={document.textLocale}
        t={t}
        locale={locale}
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
          <MilestoneList milestones={milestones} t={t} locale={locale} />
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
          {countries.total > 0 ? <CountrySection shares={countries} locale={locale} t={t} /> : null}
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
      <FaqSection items={faq} kind={document.kind} t={t} />
      <ShareSection url={`${getConfig().appUrl}${path}`} title={document.title} kind={document.kind} t={t} />
    </article>
  );
}

/** Where the confirmed signatures come from: the chart, its figures for screen readers, and why small countries are grouped. */
function CountrySection({ shares, locale, t }: { shares: CountryShares; locale: Locale; t: Translator }) {
  const number = (value: number) => value.toLocaleString(regionalLocale(locale));
  const bars = [
    ...shares.countries.map((row) => ({ label: countryName(row.code, locale), value: row.signatures })),
    ...(shares.other > 0 ? [{ label: t("document.otherCountries"), value: shares.other }] : []),
  ];
  const largest = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), bars[0]);
  return (
    <section aria-labelledby="countries-heading">
      <h2 id="countries-heading">{t("document.countriesHeading")}</h2>
      <CountryChart
        id="countries"
        title={t("document.countriesChart")}
        summary={t("document.countriesSummary", { total: shares.total, first: largest.label, count: largest.value })}
        bars={bars}
        columns={[t("document.countryColumn"), t("document.signaturesColumn")]}
        format={number}
      />
      <p className="hint">{t("document.countriesNote", { fewest: FEWEST_NAMED })}</p>
    </section>
  );
}
