import countries from "i18n-iso-countries";
import type { Locale } from "@/lib/i18n/locales";

const codes = Object.keys(countries.getAlpha2Codes());
const namesByLocale = new Map<Locale, Record<string, string>>();

function namesIn(locale: Locale): Record<string, string> {
  let names = namesByLocale.get(locale);
  if (!names) {
    const regionNames = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    names = Object.fromEntries(codes.map((code) => [code, regionNames.of(code) ?? code]));
    namesByLocale.set(locale, names);
  }
  return names;
}

const optionsByLocale = new Map<Locale, { code: string; name: string }[]>();

/** ISO 3166-1 alpha-2 codes with their common names in a language, sorted by name for the country select. */
export function countryOptions(locale: Locale = "en"): { code: string; name: string }[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const names = namesIn(locale);
    options = codes.map((code) => ({ code, name: names[code] })).sort((a, b) => a.name.localeCompare(b.name, locale));
    optionsByLocale.set(locale, options);
  }
  return options;
}

export function isCountryCode(code: string): boolean {
  return Object.hasOwn(namesIn("en"), code);
}

export function countryName(code: string, locale: Locale = "en"): string {
  return namesIn(locale)[code] ?? code;
}
