import countries from "i18n-iso-countries";

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
const codes = Object.keys(countries.getAlpha2Codes());
const names: Record<string, string> = Object.fromEntries(codes.map((code) => [code, regionNames.of(code) ?? code]));

/** ISO 3166-1 alpha-2 codes with their common English names, sorted by name for the country select. */
export const countryOptions: { code: string; name: string }[] = codes
  .map((code) => ({ code, name: names[code] }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

export function isCountryCode(code: string): boolean {
  return Object.hasOwn(names, code);
}

export function countryName(code: string): string {
  return names[code] ?? code;
}
