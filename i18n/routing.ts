import { defineRouting } from "next-intl/routing";
import { locales } from "@/db/schema";

// English pages keep their unprefixed addresses (the public contract); Russian ones live under /ru.
// The address decides the language; only a first visit without a cookie follows the browser (see proxy.ts).
/** Set by proxy.ts on every page request: the language the root layout names in <html lang>. */
export const LANGUAGE_HEADER = "x-delegation-language";

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
});
