"use client";

import { useActionState } from "react";
import type { FieldErrors } from "@/lib/signature-input";
import type { SignFormState } from "./actions";

type Props = {
  action: (previous: SignFormState, form: FormData) => Promise<SignFormState>;
  countries: { code: string; name: string }[];
  documentKind: "petition" | "letter";
};

const fieldLabels: Record<string, string> = {
  name: "Your name",
  email: "Email address",
  country: "Country",
  city: "City",
  comment: "Comment",
  display: "How your name is shown",
  updates: "Updates",
};

function FieldError({ id, errors, field }: { id: string; errors: FieldErrors; field: keyof FieldErrors }) {
  const message = errors[field];
  return message ? (
    <p className="error" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  ) : null;
}

export function SignForm({ action, countries, documentKind }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const invalid = (key: keyof FieldErrors) =>
    errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${key}-error` } : {};
  const errorList = Object.entries(errors).filter(([key]) => key !== "form");

  // The key remounts the form after each answer so the kept values show as its defaults.
  return (
    <form key={state?.attempt ?? 0} action={formAction} className="form" noValidate>
      {errors.form || errorList.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3>There {errorList.length === 1 ? "is a problem" : "are problems"} with your signature</h3>
          {errors.form ? <p className="error">{errors.form}</p> : null}
          <ul>
            {errorList.map(([key, message]) => (
              <li key={key}>
                <a href={`#${key === "display" ? "display-full" : key}`}>
                  {fieldLabels[key] ?? key}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" type="text" autoComplete="name" required maxLength={120}
          defaultValue={text("name")} {...invalid("name")} />
        <FieldError id="name" errors={errors} field="name" />
      </div>
      <div className="field">
        <label htmlFor="email">Email address</label>
        <p className="hint" id="email-hint">We send one email to confirm your signature. It is never shown publicly.</p>
        <input id="email" name="email" type="email" autoComplete="email" required maxLength={254}
          defaultValue={text("email")} {...invalid("email")}
          aria-describedby={errors.email ? "email-hint email-error" : "email-hint"} />
        <FieldError id="email" errors={errors} field="email" />
      </div>
      <div className="field">
        <label htmlFor="country">Country</label>
        <select id="country" name="country" required autoComplete="country" defaultValue={text("country")}
          {...invalid("country")}>
          <option value="">Choose your country</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        <FieldError id="country" errors={errors} field="country" />
      </div>
      <div className="field">
        <label htmlFor="city">City (optional)</label>
        <input id="city" name="city" type="text" autoComplete="address-level2" maxLength={120}
          defaultValue={text("city")} {...invalid("city")} />
        <FieldError id="city" errors={errors} field="city" />
      </div>
      <div className="field">
        <label htmlFor="comment">Comment (optional, up to 500 characters)</label>
        <textarea id="comment" name="comment" maxLength={500} defaultValue={text("comment")} {...invalid("comment")} />
        <FieldError id="comment" errors={errors} field="comment" />
      </div>
      <fieldset className="field" {...(errors.display ? { "aria-describedby": "display-error" } : {})}>
        <legend>How your name is shown on this site</legend>
        {[
          ["full", "Full name and city"],
          ["initials", "Initials and city"],
          ["hidden", `Not shown publicly (still delivered with the ${documentKind})`],
        ].map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="display" value={value} id={`display-${value}`}
              defaultChecked={(text("display") || "full") === value} />
            {label}
          </label>
        ))}
        <FieldError id="display" errors={errors} field="display" />
      </fieldset>
      <label className="choice">
        <input type="checkbox" name="updates" defaultChecked={values.updates === true} />
        Email me updates about this campaign (you can stop them at any time)
      </label>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : `Sign the ${documentKind}`}
        </button>
      </div>
    </form>
  );
}
