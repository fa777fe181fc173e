import type { Translator } from "@/lib/i18n/translator";
import { nextMilestone } from "@/lib/format/milestones";

type Props = { count: number; goal: number; id: string; t: Translator; lastDay?: number };

/**
 * The count and the goal, with a bar towards the next milestone rather than the whole goal, so that the
 * first signatures show as progress; before the first one, a clear start instead of an empty bar.
 */
export function SignatureCount({ count, goal, id, t, lastDay }: Props) {
  const next = goal > 0 ? nextMilestone(count, goal) : null;
  return (
    <div className="signature-count">
      <p className="count" id={`${id}-label`}>
        {t.rich("count.confirmed", { count, strong: (chunks) => <strong>{chunks}</strong> })}
        {goal > 0 ? <> {t("count.goal", { goal })}</> : null}
      </p>
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
