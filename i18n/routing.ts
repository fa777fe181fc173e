import { defineRouting } from "next-intl/routing";
import { locales } from "@/lib/i18n/locales";

/** Set by proxy.ts on every page request: the language the root layout names in <html lang>. */
export const LANGUAGE_HEADER = "x-delegation-language";

// English pages keep their unprefixed addresses (the public contract); Russian ones live under /ru.
// The address decides the language; only a first visit without a cookie follows the browser (see proxy.ts).
export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
});
