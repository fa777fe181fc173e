import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { Markdown } from "@/app/_components/markdown";
import { SignatureCount } from "@/app/_components/signature-count";
import { inLocale } from "@/db/queries/delegations";
import { Link } from "@/i18n/navigation";
import { documentPath } from "@/lib/collections";
import { regionalLocale, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { getPublicDelegationPage } from "@/server/public/public-pages";
import { socialMetadata } from "@/server/social-card/metadata";

// Served from the page cache, rendered again at most every 5 seconds and never served older than 10
// (lib/cached-pages.ts, docs/caching-and-csp.md). It reads nothing from the request.
export const revalidate = 5;

// Nothing is rendered at build (it would come from the build machine's database): each page on first request.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, ...rest } = await params;
  const delegation = (await getPublicDelegationPage(slug, toLocale(rest.locale)))?.delegation;
  if (!delegation) return {};
  const locale = toLocale(rest.locale);
  const story = inLocale(delegation.texts, locale);
  const shared = { title: story.title, description: story.summary };
  return { ...shared, ...socialMetadata({ ...shared, path: `/delegations/${slug}`, locale }) };
}

const formatDay = (day: string, locale: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

export default async function DelegationPage({ params }: Props) {
  const { slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const page = await getPublicDelegationPage(slug, locale);
  if (!page) notFound();
  const { delegation, members, carried, dispatches, deliveries } = page;
  const t = translator(locale);
  const story = inLocale(delegation.texts, locale);
  const titleOf = new Map(carried.map((document) => [document.id, document.title]));
  return (
    <article>
      <p className="kind">{t("kinds.delegation")}</p>
      <h1>{story.title}</h1>
      <p className="lede">{story.summary}</p>
      <div className="document-text">
        <Markdown>{story.body}</Markdown>
      </div>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("delegation.membersHeading")}</h2>
        <ul className="members">
          {members.map((member) => {
            const about = inLocale(member.texts, locale);
            return (
              <li key={member.id} className="card">
                <h3>{member.name}</h3>
                <p className="kind">{about.role}</p>
                <Markdown>{about.bio}</Markdown>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="carries-heading">
        <h2 id="carries-heading">{t("delegation.carriesHeading")}</h2>
        <div className="cards">
          {carried.map((document) => (
            <div key={document.id} className="card">
              <p className="kind">{t(`kinds.${document.kind}`)}</p>
              <h3>
                <Link href={documentPath(document.kind, document.slug)}>{document.title}</Link>
              </h3>
              <SignatureCount
                id={`count-${document.slug}`}
                count={document.signatureCount}
                goal={document.goal}
                t={t}
              />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="dispatches-heading">
        <h2 id="dispatches-heading">{t("delegation.dispatchesHeading")}</h2>
        {dispatches.length === 0 ? <p>{t("delegation.noDispatches")}</p> : null}
        {dispatches.map((dispatch) => {
          const post = inLocale(dispatch.texts, locale);
          return (
            <article key={dispatch.id} className="card dispatch" aria-labelledby={`dispatch-${dispatch.id}`}>
              <h3 id={`dispatch-${dispatch.id}`}>{post.title}</h3>
              <p className="when">
                <time dateTime={dispatch.dated}>{formatDay(dispatch.dated, regionalLocale(locale))}</time>
              </p>
              <Markdown>{post.body}</Markdown>
            </article>
          );
        })}
      </section>

      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">{t("delegation.deliveriesHeading")}</h2>
        {deliveries.length === 0 ? <p>{t("delegation.noDeliveries")}</p> : null}
        {deliveries.map((delivery) => (
          <article key={delivery.id} className="card delivery">
            <h3>
              {t("delegation.deliveredOn", {
                date: formatDay(delivery.deliveredOn, regionalLocale(locale)),
                place: delivery.place,
                recipient: delivery.recipient,
              })}
            </h3>
            <ul>
              {delivery.items.map((item) => (
                <li key={item.documentId}>
                  {t("delegation.delivered", { title: titleOf.get(item.documentId) ?? "", count: item.signatureCount })}
                  <br />
                  {t("delegation.sha256")}: <code className="hash">{item.sha256}</code>
                </li>
              ))}
            </ul>
          </article>
        ))}
        {deliveries.length > 0 ? <p className="hint">{t("delegation.checkHint")}</p> : null}
      </section>
    </article>
  );
}
