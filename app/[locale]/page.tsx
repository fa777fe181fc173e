import { setRequestLocale } from "next-intl/server";
import { Markdown } from "@/app/_components/markdown";
import { SignatureCount } from "@/app/_components/signature-count";
import { inLocale } from "@/db/queries/delegations";
import { Link } from "@/i18n/navigation";
import { documentPath } from "@/lib/collections";
import { isLocale, toLocale } from "@/lib/i18n/locales";
import { notFound } from "next/navigation";
import { translator } from "@/lib/i18n/translator";
import { getFeaturedDelegation, getPublishedDocuments } from "@/server/public/public-pages";

// Served from the page cache, rendered again at most every 5 seconds and never served older than 10
// (lib/cached-pages.ts, docs/caching-and-csp.md). It reads nothing from the request.
export const revalidate = 5;

type Props = { params: Promise<{ locale: string }> };

export default async function HomePage({ params }: Props) {
  if (!isLocale((await params).locale)) notFound(); // "/x.png" and the like: not a language
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = translator(locale);
  const [documents, delegation] = await Promise.all([getPublishedDocuments(locale), getFeaturedDelegation()]);
  const story = delegation && inLocale(delegation.texts, locale);
  return (
    <>
      <h1>{story?.title ?? t("home.fallbackTitle")}</h1>
      {story ? <p className="lede">{story.summary}</p> : null}
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="visually-hidden">
          {t("home.documentsHeading")}
        </h2>
        <div className="cards">
          {documents.map((document) => (
            <article key={document.id} className="card" lang={document.textLocale}>
              <p className="kind">{t(`kinds.${document.kind}`)}</p>
              <h3>
                <Link href={documentPath(document.kind, document.slug)}>{document.title}</Link>
              </h3>
              <p>{document.summary}</p>
              <SignatureCount
                id={`count-${document.slug}`}
                count={document.signatureCount}
                goal={document.goal}
                t={t}
              />
              <p>
                <Link className="button" href={`${documentPath(document.kind, document.slug)}#sign`}>
                  {document.status === "open" ? t("home.readAndSign", { kind: document.kind }) : t("home.read")}
                  <span className="visually-hidden">: {document.title}</span>
                </Link>
              </p>
            </article>
          ))}
        </div>
      </section>
      {delegation && story ? (
        <section aria-labelledby="delegation-heading" className="card">
          <h2 id="delegation-heading">{t("home.delegationHeading")}</h2>
          <Markdown>{story.body}</Markdown>
          <p>
            <Link href={`/delegations/${delegation.slug}`}>{t("home.delegationLink")}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
