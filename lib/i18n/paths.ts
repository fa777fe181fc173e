import { locales } from "./locales";

/** A path in the given language: English keeps the unprefixed address, others get /{locale}. */
export function localePath(locale: string, path: string): string {
  return locale === "en" ? path : `/${locale}${path === "/" ? "" : path}`;
}

/** The address without its language prefix, if it has one. */
export function withoutLocale(path: string): string {
  const first = path.split("/")[1];
  return (locales as readonly string[]).includes(first) ? path.slice(first.length + 1) || "/" : path;
}
