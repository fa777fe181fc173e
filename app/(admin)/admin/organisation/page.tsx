import Link from "next/link";
import { getOrganisation } from "@/db/queries/organisation";
import { requireAdmin } from "@/server/auth/auth-guard";
import { AdminForm, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import { saveOrganisationAction } from "./actions";

export const metadata = { title: "Organisation" };

type Props = { searchParams: Promise<{ saved?: string }> };

export default async function OrganisationPage({ searchParams }: Props) {
  await requireAdmin();
  const { saved } = await searchParams;
  const organisation = await getOrganisation();
  return (
    <>
      <h1>Who is behind the campaign</h1>
      {saved ? (
        <p className="notice success" role="status">
          Saved. The about page, the footer and every email from now on show these details.
        </p>
      ) : null}
      <p>
        Signers see these on the <Link href="/about">about page</Link>, in the footer of every page and in every email.
        Update emails carry the name and the postal address at the bottom, as bulk email must.
      </p>
      <AdminForm action={saveOrganisationAction} className="card">
        <TextField name="name" label="Name of the organisation" initial={organisation.name} required maxLength={120} />
        <TextField
          name="contactEmail"
          label="Contact email address"
          initial={organisation.contactEmail}
          required
          maxLength={254}
        />
        <TextArea
          name="postalAddress"
          label="Postal address"
          initial={organisation.postalAddress}
          rows={5}
          required
          maxLength={400}
        />
        <TextArea
          name="aboutEn"
          label="About the organisers (English)"
          initial={organisation.about.en}
          rows={8}
          required
          maxLength={4000}
          lang="en"
        />
        <TextArea
          name="aboutRu"
          label="About the organisers (Russian)"
          initial={organisation.about.ru}
          rows={8}
          required
          maxLength={4000}
          lang="ru"
        />
        <p className="hint">A blank line starts a new paragraph.</p>
        <SubmitButton>Save</SubmitButton>
      </AdminForm>
    </>
  );
}
