"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { FieldError, invalidProps } from "@/app/_components/field-error";
import type { AdminFormState, FieldMessages } from "@/server/admin/action";

type Action = (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;

const FormContext = createContext<{ state: AdminFormState; pending: boolean }>({ state: null, pending: false });

/** The messages of a refused submission, once each, at the top of its form; except those shown beside a field. */
export function FormErrors({
  errors,
  besideFields = [],
}: {
  errors: FieldMessages | undefined;
  besideFields?: readonly string[];
}) {
  const messages = [
    ...new Set(Object.entries(errors ?? {}).flatMap(([key, message]) => (besideFields.includes(key) ? [] : [message]))),
  ].filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div className="notice error" role="alert">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <>
          <p>Nothing was saved:</p>
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * A form for an admin action made with `adminAction`. Works without JavaScript too; after a refused
 * submission the fields below show what was sent, each with its message. The key remounts the fields on
 * each answer, so that they start from those values rather than from the ones React reset them to.
 */
export function AdminForm({
  action,
  className,
  children,
}: {
  action: Action;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <FormContext value={{ state, pending }}>
      <form key={state?.attempt ?? 0} action={formAction} className={className}>
        <FormErrors errors={state?.errors} />
        {children}
      </form>
    </FormContext>
  );
}

/**
 * A form that makes something with a secret (a partner's key, a webhook's signing secret) and shows the
 * secret once, above the form, which starts afresh; a refused submission says `refused` at the top and keeps
 * what was sent, each field with its message. `shown` renders the notice from the answer, or null while
 * nothing was made. Works without JavaScript, like AdminForm.
 */
export function ShownOnceForm<Shown extends object>({
  action,
  shown,
  refused,
  children,
}: {
  action: (previous: AdminFormState<Shown>, form: FormData) => Promise<AdminFormState<Shown>>;
  shown: (answer: NonNullable<AdminFormState<Shown>>) => ReactNode;
  refused: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const notice = state ? shown(state) : null;
  const refusedNow = state !== null && Object.keys(state.errors).length > 0;
  return (
    <>
      {notice ? (
        <div className="notice success" role="status">
          {notice}
        </div>
      ) : null}
      <FormContext value={{ state: notice ? null : state, pending }}>
        <form key={state?.attempt ?? 0} action={formAction} className="form card" noValidate>
          {refusedNow ? (
            <p className="error" role="alert">
              {refused}
            </p>
          ) : null}
          {children}
        </form>
      </FormContext>
    </>
  );
}

/** The value a field starts from: what was sent last, else what the page gave. */
function useField(name: string, id: string, initial: string) {
  const { state } = useContext(FormContext);
  const message = state?.errors[name];
  return { value: state ? (state.values[name] ?? "") : initial, message, invalid: invalidProps(message, id) };
}

type Common = {
  name: string;
  label: string;
  id?: string;
  initial?: string;
  required?: boolean;
  maxLength?: number;
  lang?: string;
};

export function TextField({
  name,
  label,
  id = name,
  initial = "",
  type = "text",
  ...attributes
}: Common & {
  type?: "text" | "date" | "datetime-local" | "number" | "url";
  step?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}) {
  const field = useField(name, id, initial);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} defaultValue={field.value} {...attributes} {...field.invalid} />
      <FieldError message={field.message} name={id} />
    </div>
  );
}

export function TextArea({ name, label, id = name, initial = "", ...attributes }: Common & { rows: number }) {
  const field = useField(name, id, initial);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} defaultValue={field.value} {...attributes} {...field.invalid} />
      <FieldError message={field.message} name={id} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  id = name,
  initial = "",
  options,
}: Common & { options: { value: string; label: string }[] }) {
  const field = useField(name, id, initial);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={field.value} {...field.invalid}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError message={field.message} name={id} />
    </div>
  );
}

/** A box that sends `value` when ticked; after a refused submission it stays as it was sent. */
export function CheckboxField({
  name,
  label,
  id = name,
  value = "on",
  initial = false,
}: {
  name: string;
  label: string;
  id?: string;
  value?: string;
  initial?: boolean;
}) {
  const { state } = useContext(FormContext);
  const checked = state ? state.values[name] === value : initial;
  return (
    <div className="field checkbox">
      <input id={id} name={name} type="checkbox" value={value} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * A box for each option, sent as `<prefix>:<value>`; the group's own message (none ticked, say) is keyed by
 * `name` and shown under the boxes.
 */
export function CheckboxGroup({
  name,
  prefix,
  legend,
  options,
}: {
  name: string;
  prefix: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const { state } = useContext(FormContext);
  const message = state?.errors[name];
  return (
    <fieldset aria-describedby={message ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <CheckboxField key={option.value} name={`${prefix}:${option.value}`} label={option.label} />
      ))}
      <FieldError message={message} name={name} />
    </fieldset>
  );
}

/** Fields folded under a summary, unfolded again when the form's last submission was refused. */
export function FormDetails({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  const { state } = useContext(FormContext);
  const refused = state !== null && Object.keys(state.errors).length > 0;
  return (
    <details open={refused || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** The form's button, disabled while its submission is on the way; `intent` says which button it was. */
export function SubmitButton({
  className,
  intent,
  children,
}: {
  className?: string;
  intent?: string;
  children: ReactNode;
}) {
  const { pending } = useContext(FormContext);
  return (
    <button type="submit" className={className} disabled={pending} name={intent ? "intent" : undefined} value={intent}>
      {children}
    </button>
  );
}
