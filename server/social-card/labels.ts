import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { DocumentKind } from "@/lib/vocabulary";

/** What a card says about its count, in the card's language. */
export type CardTexts = { count: string; signatures: string; goal?: string; total: string };

export function cardTexts(locale: Locale, count: number, goal?: number): CardTexts {
  const t = translator(locale);
  return {
    count: formatCount(count, locale),
    signatures: t("socialCard.signatures", { count }),
    goal: goal && goal > 0 ? t("socialCard.goal", { goal }) : undefined,
    total: t("socialCard.total"),
  };
}

export function kindLabel(kind: DocumentKind | "delegation", locale: Locale): string {
  return translator(locale)(`kinds.${kind}`);
}

/** The site's name as its pages show it in this language. */
export function siteName(locale: Locale): string {
  return translator(locale)("site.brand");
}

export function formatCount(count: number, locale: Locale): string {
  return count.toLocaleString(locale);
}
