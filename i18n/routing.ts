import { defineRouting } from "next-intl/routing";
import { locales } from "@/lib/locales";

/** Set by proxy.ts on every page request: the language the root layout names in <html lang>. */
export const LANGUAGE_HEADER = "x-delegation-language";

/** A path in the given language: English keeps the unprefixed address, others get /{locale}. */
export function localePath(locale: string, path: string): string {
  return locale === "en" ? path : `/${locale}${path === "/" ? "" : path}`;
}

/** The address without its language prefix, if it has one. */
export function withoutLocale(path: string): string {
  const first = path.split("/")[1];
  return (locales as readonly string[]).includes(first) ? path.slice(first.length + 1) || "/" : path;
}

// English pages keep their unprefixed addresses (the public contract); Russian ones live under /ru.
// The address decides the language; only a first visit without a cookie follows the browser (see proxy.ts).
export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
});
