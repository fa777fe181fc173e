"use client";

import { useActionState } from "react";
import type { ResendState } from "./actions";

type Labels = { sentTitle: string; sent: string; email: string; document: string; submit: string };
type Props = {
  action: (previous: ResendState, form: FormData) => Promise<ResendState>;
  documents: { slug: string; title: string }[];
  selected?: string;
  labels: Labels;
};

export function ResendFormFields({ action, documents, selected, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.sent) {
    return (
      <div className="notice success" role="status">
        <h2>{labels.sentTitle}</h2>
        <p>{labels.sent}</p>
      </div>
    );
  }
  const errors = state?.errors ?? {};
  return (
    <form action={formAction} className="form card" noValidate>
      {errors.form ? (
        <p className="error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="resend-email">{labels.email}</label>
        <input
          id="resend-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={state?.email ?? ""}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "resend-email-error" : undefined}
        />
        {errors.email ? (
          <p className="error" id="resend-email-error">
            {errors.email}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="resend-document">{labels.document}</label>
        <select
          id="resend-document"
          name="document"
          defaultValue={selected ?? documents[0]?.slug}
          aria-invalid={errors.document ? true : undefined}
          aria-describedby={errors.document ? "resend-document-error" : undefined}
        >
          {documents.map((document) => (
            <option key={document.slug} value={document.slug}>
              {document.title}
            </option>
          ))}
        </select>
        {errors.document ? (
          <p className="error" id="resend-document-error">
            {errors.document}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
