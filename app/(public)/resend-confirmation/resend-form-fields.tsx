"use client";

import { useActionState } from "react";
import { resendAction } from "./actions";

type Props = { documents: { slug: string; title: string }[]; selected?: string };

export function ResendFormFields({ documents, selected }: Props) {
  const [state, formAction, pending] = useActionState(resendAction, null);
  if (state?.sent) {
    return (
      <div className="notice success" role="status">
        <h2>Check your inbox</h2>
        <p>If a signature is waiting for that address, we have sent it a new email. It may take a few minutes.</p>
      </div>
    );
  }
  const errors = state?.errors ?? {};
  return (
    <form action={formAction} className="form card" noValidate>
      {errors.form ? <p className="error" role="alert">{errors.form}</p> : null}
      <div className="field">
        <label htmlFor="resend-email">Your email address</label>
        <input id="resend-email" name="email" type="email" autoComplete="email" required maxLength={254}
          defaultValue={state?.email ?? ""} aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "resend-email-error" : undefined} />
        {errors.email ? <p className="error" id="resend-email-error">{errors.email}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="resend-document">What you signed</label>
        <select id="resend-document" name="document" defaultValue={selected ?? documents[0]?.slug}
          aria-invalid={errors.document ? true : undefined}
          aria-describedby={errors.document ? "resend-document-error" : undefined}>
          {documents.map((document) => (
            <option key={document.slug} value={document.slug}>{document.title}</option>
          ))}
        </select>
        {errors.document ? <p className="error" id="resend-document-error">{errors.document}</p> : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>Send me a new link</button>
      </div>
    </form>
  );
}
