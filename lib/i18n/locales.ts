// The site's languages, on their own so that the browser bundle and the proxy can name them without
// loading the database schema or the message catalogues. English is the default and keeps the unprefixed
// addresses. A new language is one more code here, its line in each table below, and its catalogue in
// messages/ (the compiler asks for all three).
export const locales = ["en", "ru"] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export const toLocale = (value: unknown): Locale => (isLocale(value) ? value : "en");

// Intl alone would write English dates the American way; the campaign writes them the British way.
const regional: Record<Locale, string> = { en: "en-GB", ru: "ru-RU" };

/** The regional variant that Intl formats dates, numbers and country names with. */
export const regionalLocale = (locale: Locale) => regional[locale];

/** Each language's name in itself, for the language switch: a reader looks for their own language's name. */
export const ownLanguageNames: Record<Locale, string> = { en: "English", ru: "Русский" };

/** Each language's name in English, for the organisers' pages (which are in English only). */
export const englishLanguageNames: Record<Locale, string> = { en: "English", ru: "Russian" };
