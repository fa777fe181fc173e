"use client";

import { useActionState } from "react";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  return (
    <form action={formAction} className="form card" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/admin"} />
      <div className="field">
        <label htmlFor="sign-in-email">Organiser email address</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={state?.email ?? ""}
          aria-invalid={state?.error ? true : undefined}
          aria-describedby={state?.error ? "sign-in-email-error" : undefined}
        />
        {state?.error ? (
          <p className="error" id="sign-in-email-error">
            {state.error}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          Email me a sign-in link
        </button>
      </div>
    </form>
  );
}
