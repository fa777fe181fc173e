import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { ResendForm } from "./resend-form";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ document?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("resend.title") };
}

export default async function ResendConfirmationPage({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = translator(locale);
  const { document } = await searchParams;
  return (
    <>
      <h1>{t("resend.title")}</h1>
      <p>{t("resend.intro")}</p>
      <ResendForm locale={locale} selected={typeof document === "string" ? document : undefined} />
    </>
  );
}
