"use client";

import { CheckboxGroup, ShownOnceForm, SubmitButton, TextField } from "@/app/_components/admin-form";
import type { AdminFormState } from "@/server/admin/action";

type Shown = { secret: string; url: string };
type Props = {
  action: (previous: AdminFormState<Shown>, form: FormData) => Promise<AdminFormState<Shown>>;
  events: { value: string; label: string }[];
};

/** URL and events of a new endpoint; once registered, its signing secret is shown here, this once. */
export function CreateWebhookForm({ action, events }: Props) {
  return (
    <ShownOnceForm
      action={action}
      refused="The endpoint was not registered: see below."
      shown={(made) =>
        made.secret ? (
          <>
            <p>
              Events now go to <strong>{made.url}</strong>. Its signing secret, for the receiver to verify the{" "}
              <code>webhook-signature</code> header (Standard Webhooks), is not shown again:
            </p>
            <p>
              <code data-testid="new-webhook-secret">{made.secret}</code>
            </p>
          </>
        ) : null
      }
    >
      <TextField name="url" label="Endpoint URL" type="url" placeholder="https://" />
      <CheckboxGroup name="events" prefix="event" legend="Events to send" options={events} />
      <div>
        <SubmitButton>Register the endpoint</SubmitButton>
      </div>
    </ShownOnceForm>
  );
}
