"use client";

import { usePathname } from "next/navigation";
import { locales, type Locale } from "@/db/schema";

const names: Record<Locale, string> = { en: "English", ru: "Русский" };

/** The same page's address in a language: English unprefixed, the others under /{locale}. */
function pathIn(locale: Locale, pathname: string): string {
  const first = pathname.split("/")[1];
  const bare = (locales as readonly string[]).includes(first) ? pathname.slice(first.length + 1) || "/" : pathname;
  return locale === "en" ? bare : `/${locale}${bare === "/" ? "" : bare}`;
}

/** Links to this same page in the other languages; plain links, so they work without JavaScript. */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className="languages" aria-label={label}>
      {locales.map((locale) => (
        <li key={locale}>
          {locale === current ? (
            <span aria-current="true" lang={locale}>{names[locale]}</span>
          ) : (
            <a href={pathIn(locale, pathname)} lang={locale} hrefLang={locale}>
              {names[locale]}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
