"use client";

import { useActionState } from "react";
import { FieldError, invalidProps } from "@/app/_components/field-error";
import type { AdminFormState } from "@/server/admin/action";

type Shown = { key: string; name: string };
type Props = {
  action: (previous: AdminFormState<Shown>, form: FormData) => Promise<AdminFormState<Shown>>;
  scopes: { value: string; label: string }[];
};

/** Name, scopes and rate limit of a new key; once made, the key is shown here, this once. */
export function CreateKeyForm({ action, scopes }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const made = state?.key ? state : null;
  const values = made ? {} : (state?.values ?? {});
  return (
    <>
      {made ? (
        <div className="notice success" role="status">
          <p>
            The key <strong>{made.name}</strong> is made. Copy it now: it is not shown again.
          </p>
          <p>
            <code data-testid="new-api-key">{made.key}</code>
          </p>
        </div>
      ) : null}
      <form key={state?.attempt ?? 0} action={formAction} className="form card" noValidate>
        {Object.keys(errors).length > 0 ? (
          <p className="error" role="alert">
            The key was not made: see below.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="name">Name (who uses it)</label>
          <input
            id="name"
            name="name"
            maxLength={80}
            defaultValue={values.name ?? ""}
            {...invalidProps(errors.name, "name")}
          />
          <FieldError message={errors.name} name="name" />
        </div>
        <fieldset aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend>What it may do</legend>
          {scopes.map((scope) => (
            <div key={scope.value}>
              <label>
                <input
                  type="checkbox"
                  name={`scope:${scope.value}`}
                  defaultChecked={values[`scope:${scope.value}`] === "on"}
                />{" "}
                {scope.label}
              </label>
            </div>
          ))}
          <FieldError message={errors.scopes} name="scopes" />
        </fieldset>
        <div className="field">
          <label htmlFor="requestsPerMinute">Requests a minute</label>
          <input
            id="requestsPerMinute"
            name="requestsPerMinute"
            type="number"
            min={1}
            max={10000}
            defaultValue={values.requestsPerMinute ?? "60"}
            {...invalidProps(errors.requestsPerMinute, "requestsPerMinute")}
          />
          <FieldError message={errors.requestsPerMinute} name="requestsPerMinute" />
        </div>
        <div>
          <button type="submit" disabled={pending}>
            Make the key
          </button>
        </div>
      </form>
    </>
  );
}
