"use client";

import { CheckboxGroup, ShownOnceForm, SubmitButton, TextField } from "@/app/_components/admin-form";
import type { AdminFormState } from "@/server/admin/action";

type Shown = { key: string; name: string };
type Props = {
  action: (previous: AdminFormState<Shown>, form: FormData) => Promise<AdminFormState<Shown>>;
  scopes: { value: string; label: string }[];
};

/** Name, scopes and rate limit of a new key; once made, the key is shown here, this once. */
export function CreateKeyForm({ action, scopes }: Props) {
  return (
    <ShownOnceForm
      action={action}
      refused="The key was not made: see below."
      shown={(made) =>
        made.key ? (
          <>
            <p>
              The key <strong>{made.name}</strong> is made. Copy it now: it is not shown again.
            </p>
            <p>
              <code data-testid="new-api-key">{made.key}</code>
            </p>
          </>
        ) : null
      }
    >
      <TextField name="name" label="Name (who uses it)" maxLength={80} />
      <CheckboxGroup name="scopes" prefix="scope" legend="What it may do" options={scopes} />
      <TextField name="requestsPerMinute" label="Requests a minute" type="number" min={1} max={10000} initial="60" />
      <div>
        <SubmitButton>Make the key</SubmitButton>
      </div>
    </ShownOnceForm>
  );
}
