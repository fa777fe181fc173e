import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { PageShell } from "@/app/_components/page-shell";
import { getOrganisation } from "@/db/queries/organisation";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { translator } from "@/lib/i18n/translator";
import { LanguageSwitch } from "./language-switch";
import { SignLink } from "./sign-link";
import "@/app/globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = translator(isLocale(locale) ? locale : "en");
  return {
    title: { default: t("site.title"), template: `%s — ${t("site.brand")}` },
    description: t("site.description"),
  };
}

// No language is rendered at build: every page is rendered on its first request and then served from the
// cache (see docs/caching-and-csp.md), so no page is built from the build machine's database.
export async function generateStaticParams() {
  return [];
}

// The public site's root layout: it reads nothing from the request, so that the pages it wraps can be
// cached; the language comes from the address. The organisation's details in the footer come from the
// database with the page, and saving them clears the cached pages.
export default async function PublicLayout({ children, params }: Props) {
  // Not a language (a path outside the public site, such as "/x.png"): English, and the page says not found.
  const locale = isLocale((await params).locale) ? ((await params).locale as Locale) : "en";
  setRequestLocale(locale);
  const t = translator(locale);
  const organisation = await getOrganisation();
  // No i18n runtime goes to the browser: links are server-rendered and client components get their texts as props.
  // The header's and footer's links are plain links to cached pages: next/link would add its router code to
  // every page's JavaScript and prefetch each of them (an RSC request per link) on every page view.
  return (
    <html lang={locale}>
      <body>
        <PageShell
          skip={t("site.skip")}
          header={
            <>
              <nav aria-label={t("site.mainNav")}>
                <a className="brand" href={localePath(locale, "/")}>
                  {t("site.brand")}
                </a>
                <SignLink locale={locale} label={t("site.sign")} />
                <a href={localePath(locale, "/delegations")}>{t("site.delegation")}</a>
              </nav>
              <LanguageSwitch current={locale} label={t("site.language")} />
            </>
          }
          footer={
            <>
              <p>
                {t("site.organisedBy", { name: organisation.name })}{" "}
                {t.rich("site.contact", {
                  email: organisation.contactEmail,
                  link: (chunks) => <a href={`mailto:${organisation.contactEmail}`}>{chunks}</a>,
                })}{" "}
                <a href={localePath(locale, "/about")}>{t("site.about")}</a>
              </p>
              <p>
                {t("site.footer")} <a href={localePath(locale, "/privacy")}>{t("site.privacy")}</a>
              </p>
            </>
          }
        >
          {children}
        </PageShell>
      </body>
    </html>
  );
}
