import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { getPublicDelegations } from "@/server/public/public-pages";

// Served from the page cache, rendered again at most every 5 seconds and never served older than 10
// (lib/cached-pages.ts, docs/caching-and-csp.md). It reads nothing from the request.
export const revalidate = 5;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = translator(toLocale((await params).locale));
  return { title: t("delegations.title"), description: t("delegations.lede") };
}

/** The header's "Delegations" link: every delegation, oldest first. */
export default async function DelegationsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = translator(locale);
  const delegations = await getPublicDelegations(locale);
  return (
    <article>
      <h1>{t("delegations.title")}</h1>
      <p className="lede">{t("delegations.lede")}</p>
      {delegations.length === 0 ? <p>{t("delegations.none")}</p> : null}
      <ul className="cards delegation-list">
        {delegations.map((delegation) => (
          <li key={delegation.slug} className="card">
            <p className="kind">{t("kinds.delegation")}</p>
            <h2>
              <Link href={`/delegations/${delegation.slug}`}>{delegation.story.title}</Link>
            </h2>
            <p>{delegation.story.summary}</p>
            <p className="hint">{t("delegations.carries", { count: delegation.carried })}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
