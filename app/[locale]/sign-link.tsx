"use client";

import { usePathname } from "next/navigation";
import { localePath, withoutLocale } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/locales";

const DOCUMENT_PAGE = /^\/(petitions|letters)\/[^/]+$/;

/**
 * The header's "Sign" link: on a petition or letter it goes to that page's form, elsewhere to the list of
 * documents on the home page. Rendered on the server too, so it works without JavaScript.
 */
export function SignLink({ locale, label }: { locale: Locale; label: string }) {
  const onDocument = DOCUMENT_PAGE.test(withoutLocale(usePathname() ?? "/"));
  return <a href={onDocument ? "#sign" : localePath(locale, "/#documents-heading")}>{label}</a>;
}
