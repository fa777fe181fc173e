import type { Metadata } from "next";
import NextLink from "next/link";
import { setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { documentPath } from "@/lib/collections";
import { localMailboxPage } from "@/lib/config";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { findPublicDocument } from "@/server/public/public-documents";
import { redirectIfMoved } from "../moved";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; collection: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("sent.title") };
}

// The same words whether or not this address had signed before: nobody learns who signed from here.
export default async function SentPage({ params }: Props) {
  const { collection, slug, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const document = await findPublicDocument(collection, slug, locale);
  if (!document) return redirectIfMoved(collection, slug, locale, "/sent");
  const t = translator(locale);
  const mailbox = localMailboxPage();
  return (
    <div className="notice success">
      <h1>{t("sent.title")}</h1>
      <p>{t("sent.body", { title: document.title })}</p>
      <p>
        {t.rich("sent.noEmail", {
          link: (chunks) => <Link href={`/resend-confirmation?document=${document.slug}`}>{chunks}</Link>,
        })}
      </p>
      {mailbox ? (
        <p>
          {t.rich("sent.localMailbox", {
            where: mailbox === "/dev/mail" ? "dev" : "other",
            link: (chunks) => <NextLink href={mailbox}>{chunks}</NextLink>,
          })}
        </p>
      ) : null}
      <p>
        <Link href={documentPath(document.kind, document.slug)}>{t("sent.back", { kind: document.kind })}</Link>
      </p>
    </div>
  );
}
