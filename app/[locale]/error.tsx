"use client";

import { useParams } from "next/navigation";
import { ErrorView } from "@/app/_components/error-view";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { enErrorPage, type ErrorPageMessages } from "@/messages/en";
import { ruErrorPage } from "@/messages/ru";

const texts = { en: enErrorPage, ru: ruErrorPage } satisfies Record<Locale, ErrorPageMessages>;

// Inside the public layout: the page keeps its header, footer and language; only its content is replaced.
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = toLocale(useParams<{ locale?: string }>()?.locale);
  return <ErrorView texts={texts[locale]} error={error} retry={retry} home={localePath(locale, "/")} />;
}
