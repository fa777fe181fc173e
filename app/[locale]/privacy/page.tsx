import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { retentionPolicy } from "@/server/jobs/retention";
import { AUDIT_RETENTION_DAYS } from "@/db/queries/audit";

// It states the retention schedule this server is configured with: rendered on its first request (never at
// build), then served from the page cache.
export const revalidate = 5;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(toLocale((await params).locale))("privacy.title") };
}

export default async function PrivacyPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  const t = translator(locale);
  const policy = retentionPolicy();
  const section = (heading: string, id: string, body: ReactNode) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {body}
    </section>
  );
  return (
    <article style={{ maxWidth: "46rem" }}>
      <h1>{t("privacy.title")}</h1>
      <p className="lede">{t("privacy.intro")}</p>
      {section(
        t("privacy.storedHeading"),
        "stored",
        <ul>
          <li>{t("privacy.storedName")}</li>
          <li>{t("privacy.storedOptional")}</li>
          <li>{t("privacy.storedChoices")}</li>
          <li>{t("privacy.storedContext")}</li>
          <li>{t("privacy.storedAddress")}</li>
        </ul>,
      )}
      {section(
        t("privacy.whyHeading"),
        "why",
        <>
          <p>{t("privacy.whyName")}</p>
          <p>{t("privacy.whyEmail")}</p>
          <p>{t("privacy.whyAddress")}</p>
        </>,
      )}
      {section(
        t("privacy.whoHeading"),
        "who",
        <ul>
          <li>{t("privacy.whoPublic")}</li>
          <li>{t("privacy.whoOrganisers")}</li>
          <li>{t("privacy.whoAddressees")}</li>
        </ul>,
      )}
      {section(
        t("privacy.howLongHeading"),
        "how-long",
        <ul>
          <li>{t("privacy.howLongUnconfirmed", { days: policy.unconfirmedDays })}</li>
          <li>{t("privacy.howLongClosed", { days: policy.closedDays })}</li>
          <li>{t("privacy.howLongEmails", { days: policy.sentEmailDays })}</li>
          <li>{t("privacy.howLongAudit", { days: AUDIT_RETENTION_DAYS })}</li>
          <li>{t("privacy.howLongWithdrawn")}</li>
        </ul>,
      )}
      {section(t("privacy.noTrackingHeading"), "no-tracking", <p>{t("privacy.noTracking")}</p>)}
      {section(t("privacy.emailHeading"), "email", <p>{t("privacy.email")}</p>)}
      {section(
        t("privacy.choicesHeading"),
        "choices",
        <>
          <p>{t("privacy.choicesLink")}</p>
          <p>{t("privacy.choicesUpdates")}</p>
          <p>
            {t.rich("privacy.choicesLost", { link: (chunks) => <Link href="/resend-confirmation">{chunks}</Link> })}
          </p>
        </>,
      )}
    </article>
  );
}
