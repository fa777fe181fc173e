import { Markdown } from "@/app/_components/markdown";
import type { FaqItem } from "@/db/schema";
import { regionalLocale, type Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import type { DocumentKind, DocumentOutcome } from "@/lib/vocabulary";

const day = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleDateString(regionalLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

const moment = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleString(regionalLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });

type Schedule = { status: string; closesAt: string | null; closedAt: string | null };

/** "Signing closes on …" while open with a date; "Closed on …" once closed. */
export function ClosingLine({ document, t, locale }: { document: Schedule; t: Translator; locale: Locale }) {
  if (document.status === "open" && document.closesAt)
    return <p className="closing">{t("campaign.closesOn", { date: moment(document.closesAt, locale) })}</p>;
  if (document.status === "closed" && document.closedAt)
    return <p className="closing">{t("campaign.closedOn", { date: day(document.closedAt, locale) })}</p>;
  return null;
}

export function OutcomeBadge({ outcome, t }: { outcome: DocumentOutcome | null; t: Translator }) {
  return outcome ? <p className={`outcome outcome-${outcome}`}>{t(`campaign.outcomes.${outcome}`)}</p> : null;
}

type Response = { respondedAt: string; text: string; sourceUrl: string | null };

/** The outcome and the addressee's answer, in the addressee's own words (as recorded). */
export function ResponseSection(props: {
  outcome: DocumentOutcome | null;
  response: Response | null;
  addressee: string;
  textLocale: Locale;
  t: Translator;
  locale: Locale;
}) {
  const { outcome, response, addressee, textLocale, t, locale } = props;
  if (!outcome && !response) return null;
  return (
    <section aria-labelledby="outcome-heading" className="card response" id="response">
      <h2 id="outcome-heading">{t(response ? "campaign.responseHeading" : "campaign.outcomeHeading")}</h2>
      <OutcomeBadge outcome={outcome} t={t} />
      {response ? (
        <>
          <p>{t("campaign.responseFrom", { addressee, date: day(response.respondedAt, locale) })}</p>
          <blockquote lang={textLocale}>
            <Markdown>{response.text}</Markdown>
          </blockquote>
          {response.sourceUrl ? (
            <p>
              <a href={response.sourceUrl} rel="noopener noreferrer nofollow">
                {t("campaign.responseSource")}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function MilestoneList(props: {
  milestones: { threshold: number; reachedAt: string }[];
  t: Translator;
  locale: Locale;
}) {
  const { milestones, t, locale } = props;
  if (milestones.length === 0) return null;
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t("campaign.milestonesHeading")}</h2>
      <ul className="milestones">
        {milestones.map((milestone) => (
          <li key={milestone.threshold}>
            {t("campaign.milestone", { threshold: milestone.threshold })} —{" "}
            <time dateTime={milestone.reachedAt}>{day(milestone.reachedAt, locale)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}

function generalFaq(t: Translator, kind: DocumentKind): FaqItem[] {
  return (["signature", "delivery", "names"] as const).map((topic) => ({
    question: t(`campaign.faq.${topic}Question`),
    answer: t(`campaign.faq.${topic}Answer`, { kind }),
  }));
}

/** The campaign's own questions in the page's language, else the site's general ones. */
export function FaqSection({ items, kind, t }: { items: FaqItem[] | null; kind: DocumentKind; t: Translator }) {
  const shown = items ?? generalFaq(t, kind);
  return (
    <section aria-labelledby="faq-heading" className="faq" id="faq">
      <h2 id="faq-heading">{t("campaign.faqHeading")}</h2>
      {shown.map((item) => (
        <details key={item.question}>
          <summary>{item.question}</summary>
          <Markdown>{item.answer}</Markdown>
        </details>
      ))}
    </section>
  );
}
