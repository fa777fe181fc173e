"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { FieldErrors } from "@/lib/forms/signature-input";
import { FieldError, invalidProps } from "@/app/_components/field-error";
import { HONEYPOT_FIELD, STAMP_FIELD } from "@/lib/security/bot-check-fields";
import { SOURCE_FIELD } from "@/lib/forms/signature-source";
import type { SignFormState } from "./actions";
import type { SignFormLabels } from "./form-labels";

const noSubscription = () => () => {};
const linkSourceOnClient = () => new URLSearchParams(window.location.search).get(SOURCE_FIELD) ?? "";

/** The error summary's id: the fragment a failed submit without JavaScript comes back to. */
const PROBLEMS_ID = "sign-problems";

type Props = {
  action: (previous: SignFormState, form: FormData) => Promise<SignFormState>;
  countries: { code: string; name: string }[];
  documentKind: "petition" | "letter";
  /** Where the form fetches its bot-check stamp when first used (the cached page cannot carry one). */
  stampUrl: string;
  labels: SignFormLabels;
  /** The page's address, which the form posts to without JavaScript (with a fragment naming the problems). */
  pagePath: string;
  /**
   * Where the signer came from, when the server knows (an embed's site). Otherwise the cached page's
   * ?source= is copied here once the page runs; without JavaScript the action reads it from the Referer.
   */
  source?: string;
};

export function SignForm({ action, countries, documentKind, stampUrl, labels, pagePath, source }: Props) {
  const [state, formAction, pending] = useActionState(action, null, `${pagePath}#${PROBLEMS_ID}`);
  const summary = useRef<HTMLDivElement>(null);
  // With JavaScript the page stays put, so focus is moved to the problems; without it, the permalink's fragment
  // names the summary, and a browser focuses a focusable fragment target as it scrolls to it.
  useEffect(() => summary.current?.focus(), [state]);
  // The address never changes under the form; the server's render (the cached page) has no source.
  const linkSource = useSyncExternalStore(noSubscription, linkSourceOnClient, () => "");
  const [fetchedStamp, setFetchedStamp] = useState("");
  const asked = useRef(false);
  const stamp = state?.stamp ?? fetchedStamp;
  // Without JavaScript no stamp is fetched: the first press brings the form back with one (sendAgain).
  const askForStamp = () => {
    if (asked.current || stamp) return;
    asked.current = true;
    fetch(stampUrl, { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { stamp?: unknown } | null) => {
        if (typeof body?.stamp === "string") setFetchedStamp(body.stamp);
      })
      .catch(() => (asked.current = false));
  };
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const invalid = (key: keyof FieldErrors) => invalidProps(errors[key], key);
  const errorList = Object.entries(errors).filter(([key]) => key !== "form");

  // The key remounts the form after each answer so the kept values show as its defaults.
  return (
    <form
      key={state?.attempt ?? 0}
      action={formAction}
      className="form"
      noValidate
      onFocus={askForStamp}
      onPointerDown={askForStamp}
    >
      {state?.sendAgain && !errors.form && errorList.length === 0 ? (
        <p className="notice" role="status" tabIndex={-1} id={PROBLEMS_ID}>
          {labels.sendAgain}
        </p>
      ) : null}
      {errors.form || errorList.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} id={PROBLEMS_ID}>
          <h3>{errorList.length === 1 ? labels.problemOne : labels.problemMany}</h3>
          {errors.form ? <p className="error">{errors.form}</p> : null}
          <ul>
            {errorList.map(([key, message]) => (
              <li key={key}>
                <a href={`#${key === "display" ? "display-full" : key}`}>
                  {labels.fields[key] ?? key}: {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="name">{labels.name}</label>
        <input
          id="name"
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={120}
          defaultValue={text("name")}
          {...invalid("name")}
        />
        <FieldError message={errors.name} name="name" prefix={labels.errorPrefix} />
      </div>
      <div className="field">
        <label htmlFor="email">{labels.email}</label>
        <p className="hint" id="email-hint">
          {labels.emailHint}
        </p>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={text("email")}
          {...invalid("email")}
          aria-describedby={errors.email ? "email-hint email-error" : "email-hint"}
        />
        <FieldError message={errors.email} name="email" prefix={labels.errorPrefix} />
      </div>
      <div className="field">
        <label htmlFor="country">{labels.country}</label>
        <select
          id="country"
          name="country"
          required
          autoComplete="country"
          defaultValue={text("country")}
          {...invalid("country")}
        >
          <option value="">{labels.chooseCountry}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        <FieldError message={errors.country} name="country" prefix={labels.errorPrefix} />
      </div>
      <div className="field">
        <label htmlFor="city">{labels.city}</label>
        <input
          id="city"
          name="city"
          type="text"
          autoComplete="address-level2"
          maxLength={120}
          defaultValue={text("city")}
          {...invalid("city")}
        />
        <FieldError message={errors.city} name="city" prefix={labels.errorPrefix} />
      </div>
      {documentKind === "letter" ? (
        <>
          <p className="hint">{labels.cosignerHint}</p>
          <div className="field">
            <label htmlFor="organisation">{labels.organisation}</label>
            <input
              id="organisation"
              name="organisation"
              type="text"
              autoComplete="organization"
              maxLength={120}
              defaultValue={text("organisation")}
              {...invalid("organisation")}
            />
            <FieldError message={errors.organisation} name="organisation" prefix={labels.errorPrefix} />
          </div>
          <div className="field">
            <label htmlFor="role">{labels.role}</label>
            <input
              id="role"
              name="role"
              type="text"
              autoComplete="organization-title"
              maxLength={120}
              defaultValue={text("role")}
              {...invalid("role")}
            />
            <FieldError message={errors.role} name="role" prefix={labels.errorPrefix} />
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor="comment">{labels.comment}</label>
        <textarea id="comment" name="comment" maxLength={500} defaultValue={text("comment")} {...invalid("comment")} />
        <FieldError message={errors.comment} name="comment" prefix={labels.errorPrefix} />
      </div>
      <fieldset className="field" {...(errors.display ? { "aria-describedby": "display-error" } : {})}>
        <legend>{labels.display}</legend>
        {[
          ["full", labels.displayFull],
          ["initials", labels.displayInitials],
          ["hidden", labels.displayHidden],
        ].map(([value, label]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="display"
              value={value}
              id={`display-${value}`}
              defaultChecked={(text("display") || "full") === value}
            />
            {label}
          </label>
        ))}
        <FieldError message={errors.display} name="display" prefix={labels.errorPrefix} />
      </fieldset>
      <label className="choice">
        <input type="checkbox" name="updates" defaultChecked={values.updates === true} />
        {labels.updates}
      </label>
      <input type="hidden" name={STAMP_FIELD} value={stamp} />
      <input type="hidden" name={SOURCE_FIELD} value={state?.source ?? source ?? linkSource} />
      {/* A trap for scripts that fill every field; people never see it and screen readers skip it. */}
      <div className="trap" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>{labels.website}</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? labels.sending : labels.submit}
        </button>
      </div>
    </form>
  );
}
