import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { getLocalizedDocumentById } from "@/db/queries/documents";
import { getOwnSignature } from "@/db/queries/self-service";
import { displayChoices } from "@/lib/vocabulary";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { Link } from "@/i18n/navigation";
import { verifyManageLink } from "@/server/signing/manage-links";
import { manageAction } from "./actions";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ saved?: string; error?: string; renew?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: translator(toLocale((await params).locale))("manage.title"),
    referrer: "same-origin",
    robots: { index: false },
  };
}

export default async function ManageSignaturePage({ params, searchParams }: Props) {
  const { token, ...rest } = await params;
  const locale = toLocale(rest.locale);
  setRequestLocale(locale);
  const t = translator(locale);
  // A link replaced by a newer one reads exactly like a forged one.
  const link = await verifyManageLink(token);
  const signature = link === null ? undefined : await getOwnSignature(link.id);
  if (!signature || signature.state === "withdrawn" || signature.anonymisedAt) {
    const withdrawn = signature?.state === "withdrawn";
    return (
      <div className={withdrawn ? "notice success" : "notice"}>
        <h1>{t(withdrawn ? "manage.withdrawnTitle" : "manage.invalidTitle")}</h1>
        <p>{t(withdrawn ? "manage.withdrawn" : "manage.invalid")}</p>
        {withdrawn ? null : (
          <p>{t.rich("manage.lost", { link: (chunks) => <Link href="/resend-confirmation">{chunks}</Link> })}</p>
        )}
      </div>
    );
  }
  const document = (await getLocalizedDocumentById(signature.documentId, locale))!;
  const { saved, renew } = await searchParams;
  const action = manageAction.bind(null, locale, token);
  const labels = {
    full: t("form.displayFull"),
    initials: t("form.displayInitials"),
    hidden: t("form.displayHidden", { kind: document.kind }),
  };
  // A held signature reads as confirmed, as on the confirm page: holds are the organisers' business.
  const shownState =
    signature.state === "pending"
      ? "pending"
      : signature.state === "confirmed" || signature.state === "held"
        ? "confirmed"
        : "other";
  return (
    <>
      <h1>{t("manage.title")}</h1>
      {saved ? (
        <p className="notice success" role="status">
          {t("manage.saved")}
        </p>
      ) : null}
      {renew === "capped" ? (
        <p className="notice" role="status">
          {t("manage.renewLater")}
        </p>
      ) : null}
      <p>{t("manage.on", { title: document.title })}</p>
      <p>
        <strong>{t("manage.state", { state: shownState })}</strong>
      </p>
      <section aria-labelledby="display-heading" className="card">
        <h2 id="display-heading">{t("manage.displayHeading")}</h2>
        <form action={action} className="form">
          <input type="hidden" name="intent" value="display" />
          <fieldset className="field">
            <legend className="visually-hidden">{t("manage.displayHeading")}</legend>
            {displayChoices.map((choice) => (
              <label key={choice} className="choice">
                <input type="radio" name="display" value={choice} defaultChecked={signature.display === choice} />
                {labels[choice]}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t("manage.saveDisplay")}</button>
        </form>
      </section>
      <section aria-labelledby="updates-heading" className="card">
        <h2 id="updates-heading">{t("manage.updatesHeading")}</h2>
        <p>{t(signature.updates ? "manage.updatesOn" : "manage.updatesOff")}</p>
        <form action={action}>
          <input type="hidden" name="intent" value="updates" />
          <input type="hidden" name="updates" value={signature.updates ? "off" : "on"} />
          <button type="submit" className="secondary">
            {t(signature.updates ? "manage.stopUpdates" : "manage.startUpdates")}
          </button>
        </form>
      </section>
      <section aria-labelledby="renew-heading" className="card">
        <h2 id="renew-heading">{t("manage.renewHeading")}</h2>
        <p>{t("manage.renewHint")}</p>
        <form action={action}>
          <input type="hidden" name="intent" value="renew" />
          <button type="submit" className="secondary">
            {t("manage.renew")}
          </button>
        </form>
      </section>
      <section aria-labelledby="withdraw-heading" className="card">
        <h2 id="withdraw-heading">{t("manage.withdrawHeading")}</h2>
        <p>{t("manage.withdrawHint")}</p>
        <form action={action} className="form">
          <input type="hidden" name="intent" value="withdraw" />
          <label className="choice">
            <input type="checkbox" name="confirm" value="yes" required />
            {t("manage.withdrawConfirm")}
          </label>
          <button type="submit" className="danger">
            {t("manage.withdraw")}
          </button>
        </form>
      </section>
    </>
  );
}
