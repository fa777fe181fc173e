"use client";

import { usePathname } from "next/navigation";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-cookie";
import { locales, ownLanguageNames, type Locale } from "@/lib/i18n/locales";
import { localePath, withoutLocale } from "@/lib/i18n/paths";

/**
 * The cached pages set no cookie, so a chosen language is remembered here, for the proxy's first-visit
 * redirect not to send the reader back to the browser's preferred language.
 */
function remember(locale: Locale) {
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${LANGUAGE_COOKIE}=${locale}; path=/; max-age=${365 * 24 * 3600}; samesite=lax${secure}`;
}

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
            <a
              href={localePath(locale, withoutLocale(pathname))}
              lang={locale}
              hrefLang={locale}
              onClick={() => remember(locale)}
            >
              {ownLanguageNames[locale]}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
