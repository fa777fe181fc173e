// The site's languages, on their own so that the browser bundle and the proxy can name them without
// loading the database schema or the message catalogues. English is the default and keeps the unprefixed
// addresses.
export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export const toLocale = (value: unknown): Locale => (isLocale(value) ? value : "en");

export const dateLocale = (locale: Locale) => (locale === "ru" ? "ru-RU" : "en-GB");
