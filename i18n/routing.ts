import { defineRouting } from "next-intl/routing";
import { locales } from "@/lib/i18n/locales";

// English pages keep their unprefixed addresses (the public contract); Russian ones live under /ru.
// The address decides the language; only a first visit without a cookie follows the browser (see proxy.ts).
export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
});
