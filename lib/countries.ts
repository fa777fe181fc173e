import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

countries.registerLocale(en);

const names = countries.getNames("en", { select: "alias" });

/** ISO 3166-1 alpha-2 codes with English names, sorted by name for the country select. */
export const countryOptions: { code: string; name: string }[] = Object.entries(names)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

export function isCountryCode(code: string): boolean {
  return Object.hasOwn(names, code);
}

export function countryName(code: string): string {
  return names[code] ?? code;
}
