import "server-only";
import { regionalLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export type DossierColumn = "number" | "name" | "city" | "country" | "signedAt";

export type DossierLabels = {
  heading: string;
  addressee: string;
  signatures: string;
  generated: string;
  verification: string;
  verified: string;
  deliveredBy: string;
  authors: string;
  /** A delegation as the cover names it: its title and its members. */
  delegation: (title: string, members: string[]) => string;
  columns: Record<DossierColumn, string>;
  /** A sheet's header: which signatures it holds, out of how many. */
  range: (from: number, to: number, total: number) => string;
  /** A page's footer up to its total, which is written once the last page is known. */
  pageOf: (page: number) => string;
  count: (value: number) => string;
  /** Day a signature was confirmed, in UTC like every date the organisers see. */
  date: (value: Date) => string;
  dateTime: (value: Date) => string;
  countryName: (code: string) => string;
};

const DAY_MS = 86_400_000;
const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * The dossier's texts from the message catalogue. Numbers, dates and country names follow the language's
 * regional conventions (British for English), as printed dossiers always have.
 */
export function dossierLabels(locale: Locale): DossierLabels {
  const t = translator(locale);
  const tag = regionalLocale(locale);
  const numbers = new Intl.NumberFormat(tag);
  const long = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  const regions = new Intl.DisplayNames([tag], { type: "region", fallback: "code" });
  const count = (value: number) => numbers.format(value);
  // Signatures come in bursts: a million rows fall on a few hundred days, each formatted once.
  const days = new Map<number, string>();
  const countries = new Map<string, string>();
  return {
    heading: t("dossier.heading"),
    addressee: t("dossier.addressee"),
    signatures: t("dossier.signatures"),
    generated: t("dossier.generated"),
    verification: t("dossier.verification"),
    verified: t("dossier.verified"),
    deliveredBy: t("dossier.deliveredBy"),
    authors: t("dossier.authors"),
    delegation: (title, members) =>
      members.length === 0
        ? title
        : t("dossier.delegation", {
            title,
            members: new Intl.ListFormat(tag, { type: "conjunction" }).format(members),
          }),
    columns: {
      number: t("dossier.columns.number"),
      name: t("dossier.columns.name"),
      city: t("dossier.columns.city"),
      country: t("dossier.columns.country"),
      signedAt: t("dossier.columns.signedAt"),
    },
    range: (from, to, total) => t("dossier.range", { from: count(from), to: count(to), total: count(total) }),
    pageOf: (page) => t("dossier.pageOf", { page: count(page) }),
    count,
    date: (value) => {
      const day = Math.floor(value.getTime() / DAY_MS);
      let text = days.get(day);
      if (text === undefined) {
        const [year, month, date] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
        text = t("dossier.signedOn", { year: String(year), month: twoDigits(month), day: twoDigits(date) });
        days.set(day, text);
      }
      return text;
    },
    dateTime: (value) => t("dossier.generatedAt", { dateTime: long.format(value) }),
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
