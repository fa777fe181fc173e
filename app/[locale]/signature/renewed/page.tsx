import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

// Rendered per request, like every page a signer reaches from their private link.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("manage.renewedTitle"), robots: { index: false } };
}

// Where "Send me a new link" lands: the link it was pressed on is void, and this page names nothing.
export default async function LinkRenewedPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = translator(locale);
  return (
    <div className="notice success" role="status">
      <h1>{t("manage.renewedTitle")}</h1>
      <p>{t("manage.renewed")}</p>
    </div>
  );
}
