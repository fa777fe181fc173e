"use client";

import { FormErrors } from "@/app/_components/admin-form";
import { FieldError, invalidProps } from "@/app/_components/field-error";
import { useActionState } from "react";
import type { EditState } from "./actions";
import { DocumentPreview } from "./document-preview";

const FIELDS = ["title", "summary", "body", "addressee", "authors", "goal", "status"] as const;
type Props = {
  /** Which document: sent with the form, checked again by the action. */
  slug: string;
  initial: Record<(typeof FIELDS)[number] | "locale", string>;
  action: (previous: EditState, form: FormData) => Promise<EditState>;
};

export function EditDocumentForm({ slug, initial, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const values: Record<string, string> = state?.values ?? initial;
  const errors = state?.errors ?? {};
  const field = (name: keyof typeof errors) => invalidProps(errors[name], name);
  const error = (name: keyof typeof errors) => <FieldError message={errors[name]} name={name} />;

  return (
    <>
      {state?.preview ? <DocumentPreview input={state.preview} /> : null}
      <form key={state?.attempt ?? 0} action={formAction} className="form">
        <FormErrors errors={errors} besideFields={FIELDS} />
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="locale" value={values.locale} />
        <div className="field">
          <label htmlFor="title">Title</label>
          <input id="title" name="title" type="text" defaultValue={values.title} maxLength={200} {...field("title")} />
          {error("title")}
        </div>
        <div className="field">
          <label htmlFor="summary">Summary</label>
          <textarea id="summary" name="summary" defaultValue={values.summary} maxLength={500} {...field("summary")} />
          {error("summary")}
        </div>
        <div className="field">
          <label htmlFor="addressee">Addressed to</label>
          <input
            id="addressee"
            name="addressee"
            type="text"
            defaultValue={values.addressee}
            maxLength={200}
            {...field("addressee")}
          />
          {error("addressee")}
        </div>
        <div className="field">
          <label htmlFor="body">Text (Markdown; HTML is not rendered)</label>
          <textarea id="body" name="body" defaultValue={values.body} rows={18} {...field("body")} />
          {error("body")}
        </div>
        <div className="field">
          <label htmlFor="authors">Authors, shown before the co-signers (one per line: Name — description)</label>
          <textarea id="authors" name="authors" defaultValue={values.authors} rows={4} {...field("authors")} />
          {error("authors")}
        </div>
        <div className="field">
          <label htmlFor="goal">Goal (signatures)</label>
          <input id="goal" name="goal" type="number" min={0} defaultValue={values.goal} {...field("goal")} />
          {error("goal")}
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={values.status} {...field("status")}>
            <option value="draft">Draft (not public)</option>
            <option value="open">Open for signatures</option>
            <option value="closed">Closed</option>
          </select>
          {error("status")}
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="preview" className="secondary" disabled={pending}>
            Preview
          </button>
          <button type="submit" name="intent" value="save" disabled={pending}>
            Save changes
          </button>
        </div>
      </form>
    </>
  );
}
