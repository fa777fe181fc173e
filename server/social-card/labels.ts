import "server-only";
export const cardLocales = ["en", "ru"] as const;
export type CardLocale = (typeof cardLocales)[number];
export type CardKind = "petition" | "letter" | "delegation";

const labels = {
  en: {
    kinds: { petition: "Petition", letter: "Open letter", delegation: "Delegation" },
    signatures: { one: "signature", other: "signatures" } as Partial<Record<Intl.LDMLPluralRule, string>>,
    goal: "Goal",
    total: "In all",
  },
  ru: {
    kinds: { petition: "Петиция", letter: "Открытое письмо", delegation: "Делегация" },
    signatures: { one: "подпись", few: "подписи", many: "подписей", other: "подписи" } as Partial<
      Record<Intl.LDMLPluralRule, string>
    >,
    goal: "Цель",
    total: "Всего",
  },
} as const;

export function cardLabels(locale: CardLocale) {
  return labels[locale];
}

export function kindLabel(kind: CardKind, locale: CardLocale): string {
  return labels[locale].kinds[kind];
}

/** "1 signature", "2 signatures"; "1 подпись", "3 подписи", "5 подписей", "21 подпись". */
export function signaturesWord(count: number, locale: CardLocale): string {
  const forms = labels[locale].signatures;
  return forms[new Intl.PluralRules(locale).select(count)] ?? forms.other!;
}

export function formatCount(count: number, locale: CardLocale): string {
  return count.toLocaleString(locale);
}
