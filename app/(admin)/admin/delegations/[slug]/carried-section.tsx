import { AdminForm, CheckboxField, SubmitButton } from "@/app/_components/admin-form";
import type { listAllDocuments } from "@/db/queries/documents";
import { setCarriedDocumentsAction } from "../actions";

type Props = {
  slug: string;
  carriedIds: number[];
  allDocuments: Awaited<ReturnType<typeof listAllDocuments>>;
};

/** Which petitions and letters the delegation carries, in order. */
export function CarriedSection({ slug, carriedIds, allDocuments }: Props) {
  const ofThis = <input type="hidden" name="delegation" value={slug} />;
  // Carried documents first, in their order; a form posts its checkboxes in this order, which becomes the new one.
  const documentChoices = [
    ...carriedIds.flatMap((id) => allDocuments.filter((document) => document.id === id)),
    ...allDocuments.filter((document) => !carriedIds.includes(document.id)),
  ];
  return (
    <section aria-labelledby="carried-heading" className="card">
      <h2 id="carried-heading">Campaigns it carries</h2>
      <p className="hint">Drafts are carried too, but the public page shows them only once they are published.</p>
      <AdminForm action={setCarriedDocumentsAction} className="form">
        {ofThis}
        <fieldset>
          <legend>Carried campaigns</legend>
          {documentChoices.map((document) => (
            <CheckboxField
              key={document.id}
              id={`carry-${document.id}`}
              name={`carry-${document.id}`}
              label={`${document.title} (${document.kind}, ${document.status})`}
              initial={carriedIds.includes(document.id)}
            />
          ))}
        </fieldset>
        <div className="actions">
          <SubmitButton>Save the carried campaigns</SubmitButton>
        </div>
      </AdminForm>
    </section>
  );
}
