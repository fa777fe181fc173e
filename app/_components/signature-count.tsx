import type { Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import { nextMilestone } from "@/lib/format/milestones";
import { LiveCount } from "./live-count";

type Props = {
  count: number;
  goal: number;
  id: string;
  t: Translator;
  lastDay?: number;
  live?: { url: string; locale: Locale };
};

const MARK = "\u0000";

/** The label's wording for each plural category of the language, with "#" where the number goes. */
function pluralForms(t: Translator, locale: Locale): Record<string, string> {
  const rules = new Intl.PluralRules(locale);
  const forms: Record<string, string> = {};
  for (let n = 0; n < 200; n++) {
    const category = rules.select(n);
    if (forms[category]) continue;
    forms[category] = t.markup("count.confirmed", { count: n, strong: () => MARK }).replace(MARK, "#");
  }
  return forms;
}

function CountLabel({ count, goal, id, t, live }: Omit<Props, "lastDay">) {
  const goalText = goal > 0 ? t("count.goal", { goal }) : null;
  if (live) {
    const formatted = t.markup("count.confirmed", { count, strong: (chunks) => `${MARK}${chunks}${MARK}` });
    return (
      <LiveCount
        id={id}
        url={live.url}
        locale={live.locale}
        count={count}
        formatted={formatted.split(MARK)[1] ?? String(count)}
        forms={pluralForms(t, live.locale)}
        goalText={goalText}
      />
    );
  }
  return (
    <p className="count" id={`${id}-label`}>
      {t.rich("count.confirmed", { count, strong: (chunks) => <strong>{chunks}</strong> })}
      {goalText ? <> {goalText}</> : null}
    </p>
  );
}

/**
 * The count and the goal, with a bar towards the next milestone rather than the whole goal, so that the
 * first signatures show as progress; before the first one, a clear start instead of an empty bar. With
 * `live`, the count itself is kept current in the browser (LiveCount); the bar follows on the next load.
 */
export function SignatureCount({ count, goal, id, t, lastDay, live }: Props) {
  const next = goal > 0 ? nextMilestone(count, goal) : null;
  return (
    <div className="signature-count">
      <CountLabel count={count} goal={goal} id={id} t={t} live={live} />
      {goal > 0 && count === 0 && next !== null ? (
        <p className="milestone start">{t("count.start", { next })}</p>
      ) : goal > 0 ? (
        <>
          <progress
            max={next ?? goal}
            value={Math.min(count, next ?? goal)}
            aria-labelledby={next !== null ? `${id}-next` : `${id}-label`}
          />
          {next !== null ? (
            <p className="milestone" id={`${id}-next`}>
              {t("count.next", { next, left: next - count })}
            </p>
          ) : null}
        </>
      ) : null}
      {lastDay && count > 0 ? <p className="momentum">{t("count.lastDay", { count: lastDay })}</p> : null}
    </div>
  );
}
