"use client";

import { FormErrors } from "@/app/_components/admin-form";
import { FieldError, invalidProps } from "@/app/_components/field-error";
import { useActionState } from "react";
import type { UpdateFormState } from "./actions";
import { UpdatePreview } from "./update-preview";

const FIELDS = ["target", "subjectEn", "bodyEn", "subjectRu", "bodyRu"] as const;
type Fields = (typeof FIELDS)[number];
type Props = {
  /** The draft's id; none for a new one. */
  id?: number;
  initial: Record<Fields, string>;
  targets: { value: string; label: string }[];
  action: (previous: UpdateFormState, form: FormData) => Promise<UpdateFormState>;
};

export function UpdateForm({ id, initial, targets, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const values: Record<string, string> = state?.values ?? initial;
  const errors = state?.errors ?? {};
  const field = (name: Fields) => invalidProps(errors[name], name);
  const error = (name: Fields) => <FieldError message={errors[name]} name={name} />;

  return (
    <>
      {state?.preview ? <UpdatePreview data={state.preview} heading="Preview (not saved yet)" /> : null}
      <form key={state?.attempt ?? 0} action={formAction} className="form">
        <FormErrors errors={errors} besideFields={FIELDS} />
        {id === undefined ? null : <input type="hidden" name="id" value={id} />}
        <div className="field">
          <label htmlFor="target">For the signers of</label>
          <select id="target" name="target" defaultValue={values.target} {...field("target")}>
            {targets.map((target) => (
              <option key={target.value} value={target.value}>
                {target.label}
              </option>
            ))}
          </select>
          {error("target")}
        </div>
        <fieldset className="form">
          <legend>In English (every signer without a version in their language gets this one)</legend>
          <div className="field">
            <label htmlFor="subjectEn">Subject</label>
            <input
              id="subjectEn"
              name="subjectEn"
              type="text"
              defaultValue={values.subjectEn}
              maxLength={200}
              {...field("subjectEn")}
            />
            {error("subjectEn")}
          </div>
          <div className="field">
            <label htmlFor="bodyEn">Text (Markdown; HTML is not rendered)</label>
            <textarea id="bodyEn" name="bodyEn" defaultValue={values.bodyEn} rows={12} {...field("bodyEn")} />
            {error("bodyEn")}
          </div>
        </fieldset>
        <fieldset className="form">
          <legend>In Russian (optional)</legend>
          <div className="field">
            <label htmlFor="subjectRu">Russian subject</label>
            <input
              id="subjectRu"
              name="subjectRu"
              type="text"
              lang="ru"
              defaultValue={values.subjectRu}
              maxLength={200}
              {...field("subjectRu")}
            />
            {error("subjectRu")}
          </div>
          <div className="field">
            <label htmlFor="bodyRu">Russian text (Markdown)</label>
            <textarea id="bodyRu" name="bodyRu" lang="ru" defaultValue={values.bodyRu} rows={12} {...field("bodyRu")} />
            {error("bodyRu")}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="preview" className="secondary" disabled={pending}>
            Preview
          </button>
          <button type="submit" name="intent" value="save" disabled={pending}>
            Save draft
          </button>
        </div>
      </form>
    </>
  );
}
