import type { Translator } from "@/lib/i18n/translator";

export function SignatureCount({ count, goal, id, t }: { count: number; goal: number; id: string; t: Translator }) {
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
