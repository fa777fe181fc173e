import { createTranslator } from "use-intl/core";
import { locales, type Locale } from "@/db/schema";
import { en } from "@/messages/en";
import { ru } from "@/messages/ru";

const catalogues = { en, ru } as const;

export function messagesFor(locale: Locale) {
  return catalogues[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export const toLocale = (value: unknown): Locale => (isLocale(value) ? value : "en");

/** A translator usable anywhere (pages, actions, route handlers, the mail worker), not only in React. */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale] as typeof en });
}

export type Translator = ReturnType<typeof translator>;

/** A path in the given language: English keeps the unprefixed address, others get /{locale}. */
export function localePath(locale: Locale, path: string): string {
  return locale === "en" ? path : `/${locale}${path === "/" ? "" : path}`;
}

export const dateLocale = (locale: Locale) => (locale === "ru" ? "ru-RU" : "en-GB");
