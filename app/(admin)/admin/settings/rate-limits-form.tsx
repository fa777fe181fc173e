"use client";

import { useActionState } from "react";
import type { AdminFormState } from "@/server/admin/action";

type Field = "burstCount" | "burstSeconds" | "sustainedCount" | "sustainedSeconds";
type Props = {
  initial: Record<Field, string>;
  action: (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;
};

const windows = [
  { legend: "Burst limit", hint: "A quick series from one client.", count: "burstCount", seconds: "burstSeconds" },
  {
    legend: "Sustained limit",
    hint: "A steady stream from one client.",
    count: "sustainedCount",
    seconds: "sustainedSeconds",
  },
] as const;

/** Burst and sustained limits: signatures per client address and document within a window of seconds. */
export function RateLimitsForm({ initial, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const values: Record<string, string> = state?.values ?? initial;
  const errors = state?.errors ?? {};
  const input = (name: Field, label: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      {errors[name] ? (
        <p className="error" id={`${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form key={state?.attempt ?? 0} action={formAction} className="form card" noValidate>
      {Object.keys(errors).length > 0 ? (
        <p className="error" role="alert">
          Some limits are not valid: see below.
        </p>
      ) : null}
      {windows.map((window) => (
        <fieldset key={window.legend} className="filters">
          <legend>{window.legend}</legend>
          <p className="hint" style={{ flexBasis: "100%" }}>
            {window.hint}
          </p>
          {input(window.count, "Signatures")}
          {input(window.seconds, "Within (seconds)")}
        </fieldset>
      ))}
      <div>
        <button type="submit" disabled={pending}>
          Save limits
        </button>
      </div>
    </form>
  );
}
