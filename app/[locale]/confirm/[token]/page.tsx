import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { getLocalizedDocumentById } from "@/db/queries/documents";
import { findSignatureByToken } from "@/db/queries/confirming";
import { Link } from "@/i18n/navigation";
import { documentPath } from "@/lib/collections";
import { countryName } from "@/lib/i18n/countries";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { publicName } from "@/lib/format/public-name";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { ResendForm } from "@/app/[locale]/resend-confirmation/resend-form";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("confirm.title"), referrer: "same-origin" };
}

export default async function ConfirmPage({ params }: Props) {
  const { token, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const t = translator(locale);
  const found = isWellFormedToken(token)
    ? await findSignatureByToken(hashToken(token))
    : { status: "unknown" as const };

  if (found.status === "unknown" || found.status === "expired") {
    return (
      <>
        <h1>{t(found.status === "expired" ? "confirm.expiredTitle" : "confirm.unknownTitle")}</h1>
        <p>
          {t(found.status === "expired" ? "confirm.expired" : "confirm.unknown")} {t("confirm.askNew")}
        </p>
        <ResendForm locale={locale} selected={found.status === "expired" ? found.document.slug : undefined} />
      </>
    );
  }

  const { signature } = found;
  const document = (await getLocalizedDocumentById(found.document.id, locale))!;
  const back = documentPath(document.kind, document.slug);
  if (found.status === "confirmed") {
    return (
      <div className="notice success">
        <h1>{t("confirm.alreadyTitle")}</h1>
        <p>{t("confirm.already", { title: document.title })}</p>
        <p>
          <Link href={back}>{t("confirm.seeCount", { kind: document.kind })}</Link>
        </p>
      </div>
    );
  }
  if (found.status === "closed") {
    return (
      <div className="notice">
        <h1>{t("confirm.closedTitle", { kind: document.kind })}</h1>
        <p>{t("confirm.closed", { title: document.title })}</p>
        <p>
          <Link href={back}>{t("confirm.see", { kind: document.kind })}</Link>
        </p>
      </div>
    );
  }

  const shown = publicName(signature.name, signature.display);
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      <p>{t("confirm.confirming")}</p>
      <p className="card" lang={document.textLocale}>
        <strong>{document.title}</strong>
        <br />
        <span className="addressee">{t("document.to", { addressee: document.addressee })}</span>
      </p>
      <dl className="details">
        <dt>{t("confirm.name")}</dt>
        <dd>{signature.name}</dd>
        <dt>{t("confirm.where")}</dt>
        <dd>
          {signature.city ? `${signature.city}, ` : ""}
          {countryName(signature.country, locale)}
        </dd>
        <dt>{t("confirm.shownAs")}</dt>
        <dd>{shown ? `${shown}${signature.city ? `, ${signature.city}` : ""}` : t("confirm.notShown")}</dd>
      </dl>
      {/* A plain post to a route handler (app/api/confirm): it works without JavaScript, and costs no page render. */}
      <form method="post" action="/api/confirm">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit">{t("confirm.button")}</button>
      </form>
      <p className="hint">{t("confirm.hint")}</p>
    </>
  );
}
