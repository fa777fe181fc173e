"use client";

import { usePathname } from "next/navigation";
import { ErrorView } from "@/app/_components/error-view";
import { PageShell } from "@/app/_components/page-shell";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { enErrorPage, type ErrorPageMessages } from "@/messages/en";
import { ruErrorPage } from "@/messages/ru";
import "./globals.css";

const texts = { en: enErrorPage, ru: ruErrorPage } satisfies Record<Locale, ErrorPageMessages>;

/**
 * Shown only when the root layout itself fails, in place of it: so it brings its own document and styles,
 * and takes the language from the address (the organisers' pages are in English).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = toLocale(usePathname()?.split("/")[1]);
  const t = texts[locale];
  const home = localePath(locale, "/");
  return (
    <html lang={locale}>
      <body>
        <title>{t.title}</title>
        <PageShell
          skip={t.skip}
          header={
            <nav>
              <a className="brand" href={home}>
                {t.brand}
              </a>
            </nav>
          }
          footer={null}
        >
          <ErrorView texts={t} error={error} retry={retry} home={home} />
        </PageShell>
      </body>
    </html>
  );
}
