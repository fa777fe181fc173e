import "server-only";
export const dossierLocales = ["en", "ru"] as const;
export type DossierLocale = (typeof dossierLocales)[number];

// Kept here until the app's message catalogue takes them over.
const texts = {
  en: {
    heading: "Delivery dossier",
    addressee: "Addressed to",
    signatures: "Signatures",
    generated: "Generated",
    number: "No.",
    name: "Name",
    city: "City",
    country: "Country",
    signedAt: "Date signed",
    range: (from: string, to: string, of: string) => `Signatures ${from}–${to} of ${of}`,
    // The page total follows this text; it is written once the last page is known.
    pageOf: (page: string) => `Page ${page} of `,
  },
  ru: {
    heading: "Досье для вручения",
    addressee: "Адресат",
    signatures: "Подписи",
    generated: "Сформировано",
    number: "№",
    name: "Имя",
    city: "Город",
    country: "Страна",
    signedAt: "Дата подписи",
    range: (from: string, to: string, of: string) => `Подписи ${from}–${to} из ${of}`,
    pageOf: (page: string) => `Страница ${page} из `,
  },
} satisfies Record<DossierLocale, unknown>;

export type DossierLabels = (typeof texts)["en"] & {
  count: (value: number) => string;
  /** Day a signature was confirmed, in UTC like every date the organisers see. */
  date: (value: Date) => string;
  dateTime: (value: Date) => string;
  countryName: (code: string) => string;
};

const intlLocale: Record<DossierLocale, string> = { en: "en-GB", ru: "ru-RU" };

export function dossierLabels(locale: DossierLocale): DossierLabels {
  const tag = intlLocale[locale];
  const count = new Intl.NumberFormat(tag);
  const day = new Intl.DateTimeFormat(tag, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  const regions = new Intl.DisplayNames([tag], { type: "region", fallback: "code" });
  const countries = new Map<string, string>();
  return {
    ...texts[locale],
    count: (value) => count.format(value),
    date: (value) => (locale === "en" ? value.toISOString().slice(0, 10) : day.format(value)),
    dateTime: (value) => `${long.format(value)} UTC`,
    countryName: (code) => {
      let name = countries.get(code);
      if (name === undefined) {
        try {
          name = regions.of(code) ?? code;
        } catch {
          name = code; // not a well-formed region code: print what the database holds
        }
        countries.set(code, name);
      }
      return name;
    },
  };
}
