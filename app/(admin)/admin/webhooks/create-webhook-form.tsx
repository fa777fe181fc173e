"use client";

import { useActionState } from "react";
import { FieldError, invalidProps } from "@/app/_components/field-error";
import type { AdminFormState } from "@/server/admin/action";

type Shown = { secret: string; url: string };
type Props = {
  action: (previous: AdminFormState<Shown>, form: FormData) => Promise<AdminFormState<Shown>>;
  events: { value: string; label: string }[];
};

/** URL and events of a new endpoint; once registered, its signing secret is shown here, this once. */
export function CreateWebhookForm({ action, events }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const made = state?.secret ? state : null;
  const values = made ? {} : (state?.values ?? {});
  return (
    <>
      {made ? (
        <div className="notice success" role="status">
          <p>
            Events now go to <strong>{made.url}</strong>. Its signing secret, for the receiver to verify the{" "}
            <code>webhook-signature</code> header (Standard Webhooks), is not shown again:
          </p>
          <p>
            <code data-testid="new-webhook-secret">{made.secret}</code>
          </p>
        </div>
      ) : null}
      <form key={state?.attempt ?? 0} action={formAction} className="form card" noValidate>
        {Object.keys(errors).length > 0 ? (
          <p className="error" role="alert">
            The endpoint was not registered: see below.
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="url">Endpoint URL</label>
          <input
            id="url"
            name="url"
            type="url"
            placeholder="https://"
            defaultValue={values.url ?? ""}
            {...invalidProps(errors.url, "url")}
          />
          <FieldError message={errors.url} name="url" />
        </div>
        <fieldset aria-describedby={errors.events ? "events-error" : undefined}>
          <legend>Events to send</legend>
          {events.map((event) => (
            <div key={event.value}>
              <label>
                <input
                  type="checkbox"
                  name={`event:${event.value}`}
                  defaultChecked={values[`event:${event.value}`] === "on"}
                />{" "}
                {event.label}
              </label>
            </div>
          ))}
          <FieldError message={errors.events} name="events" />
        </fieldset>
        <div>
          <button type="submit" disabled={pending}>
            Register the endpoint
          </button>
        </div>
      </form>
    </>
  );
}
