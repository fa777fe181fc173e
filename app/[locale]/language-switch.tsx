"use client";

import { usePathname } from "next/navigation";
import { locales, ownLanguageNames, type Locale } from "@/lib/i18n/locales";
import { localePath, withoutLocale } from "@/lib/i18n/paths";

/** Links to this same page in the other languages; plain links, so they work without JavaScript. */
export function LanguageSwitch({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className="languages" aria-label={label}>
      {locales.map((locale) => (
        <li key={locale}>
          {locale === current ? (
            <span aria-current="true" lang={locale}>
              {ownLanguageNames[locale]}
            </span>
          ) : (
            <a href={localePath(locale, withoutLocale(pathname))} lang={locale} hrefLang={locale}>
              {ownLanguageNames[locale]}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
