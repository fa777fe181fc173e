import type { Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator";
import { LiveCount } from "./live-count";

type Props = { count: number; goal: number; id: string; t: Translator; live?: { url: string; locale: Locale } };

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

/** The confirmed count and the goal; with `live`, kept current in the browser (LiveCount). */
export function SignatureCount({ count, goal, id, t, live }: Props) {
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
        goal={goal}
        goalText={goal > 0 ? t("count.goal", { goal }) : null}
      />
    );
  }
  return (
    <div>
      <p className="count" id={`${id}-label`}>
        {t.rich("count.confirmed", { count, strong: (chunks) => <strong>{chunks}</strong> })}
        {goal > 0 ? <> {t("count.goal", { goal })}</> : null}
      </p>
      {goal > 0 ? <progress max={goal} value={Math.min(count, goal)} aria-labelledby={`${id}-label`} /> : null}
    </div>
  );
}
