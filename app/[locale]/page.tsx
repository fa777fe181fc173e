import { setRequestLocale } from "next-intl/server";
import { OutcomeBadge } from "@/app/_components/campaign-record";
import { Markdown } from "@/app/_components/markdown";
import { SignatureCount } from "@/app/_components/signature-count";
import { inLocale } from "@/db/queries/delegations";
import { Link } from "@/i18n/navigation";
import { documentPath } from "@/lib/collections";
import { isLocale, toLocale } from "@/lib/i18n/locales";
import { notFound } from "next/navigation";
import { translator, type Translator } from "@/lib/i18n/translator";
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
  const open = documents.filter((document) => document.status === "open");
  const closed = documents.filter((document) => document.status !== "open");
  return (
    <>
      <h1>{story?.title ?? t("home.fallbackTitle")}</h1>
      {story ? <p className="lede">{story.summary}</p> : null}
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="visually-hidden">
          {t("home.documentsHeading")}
        </h2>
        {open.length > 0 && closed.length > 0 ? <h2>{t("campaign.openHeading")}</h2> : null}
        <div className="cards">
          {open.map((document) => (
            <DocumentCard key={document.id} document={document} t={t} />
          ))}
        </div>
        {closed.length > 0 ? (
          <>
            <h2>{t("campaign.closedHeading")}</h2>
            <div className="cards">
              {closed.map((document) => (
                <DocumentCard key={document.id} document={document} t={t} />
              ))}
            </div>
          </>
        ) : null}
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

type Card = Awaited<ReturnType<typeof getPublishedDocuments>>[number];

/** A campaign on the home page; a closed one says what came of it. */
function DocumentCard({ document, t }: { document: Card; t: Translator }) {
  return (
    <article className="card" lang={document.textLocale}>
      <p className="kind">{t(`kinds.${document.kind}`)}</p>
      <h3>
        <Link href={documentPath(document.kind, document.slug)}>{document.title}</Link>
      </h3>
      <p>{document.summary}</p>
      <SignatureCount id={`count-${document.slug}`} count={document.signatureCount} goal={document.goal} t={t} />
      {document.status !== "open" ? <OutcomeBadge outcome={document.outcome} t={t} /> : null}
      <p>
        <Link className="button" href={`${documentPath(document.kind, document.slug)}#sign`}>
          {document.status === "open" ? t("home.readAndSign", { kind: document.kind }) : t("home.read")}
          <span className="visually-hidden">: {document.title}</span>
        </Link>
      </p>
    </article>
  );
}
