import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocument } from "@/server/public/public-documents";
import { webOrigin } from "@/lib/security/embed-origins";
import { EmbedFrame } from "../embed-frame";

// Never cached; framed by the campaign's allowed sites (proxy.ts).
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; collection: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("sent.title"), robots: { index: false } };
}

// Inside a frame on another site the thank-you page's cookie would be a third-party one: the embed stops
// at "check your email", and the email's link opens the site itself. The same words for every address.
export default async function EmbedSentPage({ params, searchParams }: Props) {
  const { collection, slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const document = await findPublicDocument(collection, slug, locale);
  if (!document) notFound();
  const t = translator(locale);
  const given = (await searchParams).origin;
  const origin = webOrigin(typeof given === "string" ? given : null);
  const form = localePath(locale, `/embed${documentPath(document.kind, document.slug)}`);
  const resend = `${getConfig().appUrl}${localePath(locale, `/resend-confirmation?document=${document.slug}`)}`;
  return (
    <EmbedFrame>
      <div className="notice success" role="status">
        <h1>{t("sent.title")}</h1>
        <p>{t("sent.body", { title: document.title })}</p>
        <p>
          {t.rich("sent.noEmail", {
            link: (chunks) => (
              <a href={resend} target="_blank" rel="noopener">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>
          <a href={origin ? `${form}?origin=${encodeURIComponent(origin)}` : form}>{t("embed.signAgain")}</a>
        </p>
      </div>
    </EmbedFrame>
  );
}
