import type { Metadata } from "next";
import { cookies } from "next/headers";
import { setRequestLocale } from "next-intl/server";
import { ShareSection } from "@/app/_components/share-section";
import { SignatureCount } from "@/app/_components/signature-count";
import { Link } from "@/i18n/navigation";
import { documentPath } from "@/lib/collections";
import { getConfig } from "@/lib/config";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocument } from "@/server/public/public-documents";
import { redirectIfMoved } from "../moved";
import { MANAGE_HANDOFF_COOKIE } from "@/lib/security/signer-links";
import { verifyManageLink } from "@/server/signing/manage-links";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; collection: string; slug: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("thanks.title"), referrer: "same-origin" };
}

export default async function ThanksPage({ params }: Props) {
  const { collection, slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const document = await findPublicDocument(collection, slug, locale);
  if (!document) return redirectIfMoved(collection, slug, locale, "/thanks");
  const t = translator(locale);
  // Handed over by the confirm button in a cookie only this page receives, for a few minutes.
  const handedOver = (await cookies()).get(MANAGE_HANDOFF_COOKIE)?.value;
  const manageToken = (await verifyManageLink(handedOver)) ? handedOver : null;
  const url = `${getConfig().appUrl}${localePath(locale, documentPath(document.kind, document.slug))}`;
  return (
    <>
      <div className="notice success">
        <h1>{t("thanks.title")}</h1>
        <p>{t("thanks.counts", { title: document.title })}</p>
        <SignatureCount id="count" count={document.signatureCount} goal={document.goal} t={t} />
      </div>
      <ShareSection url={url} title={document.title} kind={document.kind} t={t} />
      {manageToken ? (
        <section aria-labelledby="manage-heading" className="card">
          <h2 id="manage-heading">{t("thanks.manageHeading")}</h2>
          <p>{t("thanks.manage")}</p>
          <p>
            <Link href={`/signature/${manageToken}`}>{t("thanks.manageLink")}</Link>
          </p>
        </section>
      ) : null}
      <p>
        <Link href={documentPath(document.kind, document.slug)}>{t("confirm.see", { kind: document.kind })}</Link>
      </p>
    </>
  );
}
