import Link from "next/link";
import { AdminForm, SubmitButton, TextField } from "@/app/_components/admin-form";
import { requireAdmin } from "@/server/auth/auth-guard";
import { createDelegationAction } from "../actions";
import { StoryFields } from "../story-fields";

export const metadata = { title: "New delegation" };

export default async function NewDelegationPage() {
  await requireAdmin();
  return (
    <>
      <p>
        <Link href="/admin/delegations">All delegations</Link>
      </p>
      <h1>New delegation</h1>
      <section aria-labelledby="new-heading" className="card">
        <h2 id="new-heading">Its address and story</h2>
        <AdminForm action={createDelegationAction} className="form">
          <TextField name="slug" label="Address (/delegations/…)" required maxLength={80} />
          <StoryFields />
          <div className="actions">
            <SubmitButton>Create the delegation</SubmitButton>
          </div>
        </AdminForm>
      </section>
    </>
  );
}
