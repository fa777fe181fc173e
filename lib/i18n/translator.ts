import { createTranslator } from "use-intl/core";
import { en } from "@/messages/en";
import { ru } from "@/messages/ru";
import type { Locale } from "./locales";

const catalogues = { en, ru } as const satisfies Record<Locale, typeof en>;

export function messagesFor(locale: Locale) {
  return catalogues[locale];
}

const create = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale] as typeof en });
export type Translator = ReturnType<typeof create>;
const translators = new Map<Locale, Translator>();

/**
 * A translator usable anywhere (pages, actions, route handlers, the mail worker), not only in React. One per
 * language for the process: each keeps the compiled form of the messages it has formatted, and compiling
 * them again on every request cost more than rendering the page.
 */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = create(locale)));
  return t;
}
