export function SignatureCount({ count, goal, id }: { count: number; goal: number; id: string }) {
  const formatted = count.toLocaleString("en");
  return (
    <div>
      <p className="count" id={`${id}-label`}>
        <strong>{formatted}</strong> confirmed {count === 1 ? "signature" : "signatures"}
        {goal > 0 ? <> of a goal of {goal.toLocaleString("en")}</> : null}
      </p>
      {goal > 0 ? <progress max={goal} value={Math.min(count, goal)} aria-labelledby={`${id}-label`} /> : null}
    </div>
  );
}
