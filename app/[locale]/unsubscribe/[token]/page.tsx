import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { verifySignerToken } from "@/lib/security/signer-links";
import { unsubscribeAction } from "./actions";

// Never cached: it answers per link.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: translator(toLocale((await params).locale))("unsubscribe.title"),
    referrer: "same-origin",
    robots: { index: false },
  };
}

// The link in an update's text asks first (a button), so that mail scanners opening it change nothing;
// the List-Unsubscribe header's one-click POST goes to /api/unsubscribe/… and needs no page.
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { token, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const t = translator(locale);
  if (verifySignerToken("unsubscribe", token) === null) {
    return (
      <div className="notice">
        <h1>{t("unsubscribe.title")}</h1>
        <p>{t("unsubscribe.invalid")}</p>
      </div>
    );
  }
  if ((await searchParams).done) {
    return (
      <div className="notice success" role="status">
        <h1>{t("unsubscribe.doneTitle")}</h1>
        <p>{t("unsubscribe.done")}</p>
      </div>
    );
  }
  return (
    <>
      <h1>{t("unsubscribe.title")}</h1>
      <p>{t("unsubscribe.confirm")}</p>
      <form action={unsubscribeAction.bind(null, locale, token)}>
        <button type="submit">{t("unsubscribe.button")}</button>
      </form>
    </>
  );
}
