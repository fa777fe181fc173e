import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { getOrganisation } from "@/db/queries/organisation";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

// The organisers' own details: rendered on its first request, then served from the page cache; saving
// them in the admin clears the cache (see docs/caching-and-csp.md).
export const revalidate = 5;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("about.title") };
}

export default async function AboutPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = translator(locale);
  const organisation = await getOrganisation();
  const paragraphs = organisation.about[locale].split(/\n\s*\n/).filter((paragraph) => paragraph.trim());
  return (
    <article style={{ maxWidth: "46rem" }}>
      <h1>{t("about.title")}</h1>
      <p className="lede">{t("about.intro", { name: organisation.name })}</p>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      <section aria-labelledby="contact">
        <h2 id="contact">{t("about.contactHeading")}</h2>
        <p>
          {t.rich("about.email", {
            email: organisation.contactEmail,
            link: (chunks) => <a href={`mailto:${organisation.contactEmail}`}>{chunks}</a>,
          })}
        </p>
        <p>{t("about.post")}</p>
        <address style={{ whiteSpace: "pre-line" }}>{organisation.postalAddress}</address>
      </section>
    </article>
  );
}
