import { locales } from "./locales";

/** A path in the given language: English keeps the unprefixed address, others get /{locale}. */
export function localePath(locale: string, path: string): string {
  if (locale === "en") return path;
  // The home page's address is "/ru", so "/#part" and "/?query" become "/ru#part" and "/ru?query".
  return `/${locale}${path === "/" || path.startsWith("/#") || path.startsWith("/?") ? path.slice(1) : path}`;
}

/** The address without its language prefix, if it has one. */
export function withoutLocale(path: string): string {
  const first = path.split("/")[1];
  return (locales as readonly string[]).includes(first) ? path.slice(first.length + 1) || "/" : path;
}
