import Link from "next/link";
import { notFound } from "next/navigation";
import {
  getDelegationBySlug,
  inLocale,
  listCarriedDocumentIds,
  listCarriedDocuments,
  listDeliveries,
  listDispatches,
  listMembers,
} from "@/db/queries/delegations";
import { listAllDocuments } from "@/db/queries/documents";
import { listReadyDossiers } from "@/db/queries/dossiers";
import { requireAdmin } from "@/server/auth/auth-guard";
import { formatUtc } from "@/lib/format/utc";
import { AdminForm, CheckboxField, SelectField, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import {
  addMemberAction,
  deleteDispatchAction,
  editDispatchAction,
  moveMemberAction,
  postDispatchAction,
  recordDeliveryAction,
  removeMemberAction,
  setCarriedDocumentsAction,
  updateDelegationTextsAction,
} from "../actions";
import { StoryFields } from "../story-fields";

export const metadata = { title: "Delegation" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ posted?: string; recorded?: string; saved?: string }>;
};

const savedNotices: Record<string, string> = {
  created: "The delegation is created. Add its members and the campaigns it carries.",
  dispatch: "The dispatch is saved. The public page shows it now.",
  "dispatch-removed": "The dispatch is removed from the public page.",
  order: "The members' order is saved.",
};

export default async function DelegationAdminPage({ params, searchParams }: Props) {
  await requireAdmin();
  const delegation = await getDelegationBySlug((await params).slug);
  if (!delegation) notFound();
  const [carried, carriedIds, allDocuments, dispatches, deliveries, members] = await Promise.all([
    listCarriedDocuments(delegation.id, "en"),
    listCarriedDocumentIds(delegation.id),
    listAllDocuments("en"),
    listDispatches(delegation.id),
    listDeliveries(delegation.id),
    listMembers(delegation.id),
  ]);
  const dossiersByDocument = await Promise.all(carried.map((document) => listReadyDossiers(document.id)));
  const titleOf = new Map(allDocuments.map((document) => [document.id, document.title]));
  // Carried documents first, in their order; a form posts its checkboxes in this order, which becomes the new one.
  const documentChoices = [
    ...carriedIds.flatMap((id) => allDocuments.filter((document) => document.id === id)),
    ...allDocuments.filter((document) => !carriedIds.includes(document.id)),
  ];
  const { posted, recorded, saved } = await searchParams;
  const ofThis = <input type="hidden" name="delegation" value={delegation.slug} />;
  return (
    <>
      <p>
        <Link href="/admin/delegations">All delegations</Link>
      </p>
      <h1>{inLocale(delegation.texts, "en").title}</h1>
      <p>
        Public page: <Link href={`/delegations/${delegation.slug}`}>/delegations/{delegation.slug}</Link>
      </p>
      {posted ? (
        <p className="notice success" role="status">
          The dispatch is published.
        </p>
      ) : null}
      {recorded ? (
        <p className="notice success" role="status">
          The delivery is recorded and its dossiers are frozen.
        </p>
      ) : null}
      {saved ? (
        <p className="notice success" role="status">
          {savedNotices[saved] ?? "Saved. The public page shows it now."}
        </p>
      ) : null}

      <section aria-labelledby="text-heading" className="card">
        <h2 id="text-heading">The delegation&apos;s story</h2>
        <AdminForm action={updateDelegationTextsAction} className="form">
          {ofThis}
          <StoryFields texts={delegation.texts} />
          <div className="actions">
            <SubmitButton>Save the story</SubmitButton>
          </div>
        </AdminForm>
      </section>

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">Members</h2>
        <p className="hint">The public page lists the members in this order.</p>
        <ol className="member-order">
          {members.map((member, index) => (
            <li key={member.id}>
              <span>
                <strong>{member.name}</strong>, {member.texts.en.role}
                {member.texts.ru ? " (also in Russian)" : ""}
              </span>
              <span className="actions">
                {index > 0 ? (
                  <AdminForm action={moveMemberAction}>
                    {ofThis}
                    <input type="hidden" name="id" value={member.id} />
                    <input type="hidden" name="move" value="up" />
                    <SubmitButton className="secondary">
                      Move up<span className="visually-hidden"> {member.name}</span>
                    </SubmitButton>
                  </AdminForm>
                ) : null}
                {index < members.length - 1 ? (
                  <AdminForm action={moveMemberAction}>
                    {ofThis}
                    <input type="hidden" name="id" value={member.id} />
                    <input type="hidden" name="move" value="down" />
                    <SubmitButton className="secondary">
                      Move down<span className="visually-hidden"> {member.name}</span>
                    </SubmitButton>
                  </AdminForm>
                ) : null}
                <AdminForm action={removeMemberAction}>
                  {ofThis}
                  <input type="hidden" name="id" value={member.id} />
                  <SubmitButton className="secondary">
                    Remove<span className="visually-hidden"> {member.name}</span>
                  </SubmitButton>
                </AdminForm>
              </span>
            </li>
          ))}
        </ol>
        <h3>Add a member</h3>
        <AdminForm action={addMemberAction} className="form">
          {ofThis}
          <TextField id="member-name" name="name" label="Name" required maxLength={120} />
          <TextField id="member-role" name="role" label="Role" required maxLength={200} />
          <TextArea id="member-bio" name="bio" label="Short biography (Markdown)" rows={3} required />
          <TextField id="member-role-ru" name="roleRu" label="Russian role (optional)" maxLength={200} lang="ru" />
          <TextArea id="member-bio-ru" name="bioRu" label="Russian biography" rows={3} lang="ru" />
          <div className="actions">
            <SubmitButton>Add the member</SubmitButton>
          </div>
        </AdminForm>
      </section>

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

      <section aria-labelledby="dispatch-heading" className="card">
        <h2 id="dispatch-heading">Post a dispatch</h2>
        <AdminForm action={postDispatchAction} className="form">
          {ofThis}
          <DispatchFields />
          <div className="actions">
            <SubmitButton>Publish the dispatch</SubmitButton>
          </div>
        </AdminForm>
      </section>

      <section aria-labelledby="dispatches-heading" className="card">
        <h2 id="dispatches-heading">Published dispatches</h2>
        {dispatches.length === 0 ? <p>No dispatches yet.</p> : null}
        <p className="hint">Open a dispatch to correct it or to remove it from the public page.</p>
        <ul className="dispatch-list">
          {dispatches.map((dispatch) => (
            <li key={dispatch.id}>
              <details>
                <summary>
                  {dispatch.dated}: {dispatch.texts.en.title}
                  {dispatch.texts.ru ? " (also in Russian)" : ""}
                </summary>
                <AdminForm action={editDispatchAction} className="form">
                  {ofThis}
                  <input type="hidden" name="id" value={dispatch.id} />
                  <DispatchFields idPrefix={`dispatch-${dispatch.id}-`} initial={dispatch} />
                  <div className="actions">
                    <SubmitButton>Save the dispatch</SubmitButton>
                  </div>
                </AdminForm>
                <AdminForm action={deleteDispatchAction} className="actions">
                  {ofThis}
                  <input type="hidden" name="id" value={dispatch.id} />
                  <SubmitButton className="secondary">
                    Remove this dispatch<span className="visually-hidden"> ({dispatch.texts.en.title})</span>
                  </SubmitButton>
                </AdminForm>
              </details>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="delivery-heading" className="card">
        <h2 id="delivery-heading">Record a delivery</h2>
        <p>
          For each document handed over, choose the dossier that was printed. Its signature count is the count
          delivered, and its SHA-256 is published. <Link href="/admin/dossiers">Generate a dossier</Link> first.
        </p>
        <AdminForm action={recordDeliveryAction} className="form">
          {ofThis}
          <TextField name="deliveredOn" label="Date" type="date" required />
          <TextField name="place" label="Place" required maxLength={200} />
          <TextField name="recipient" label="Recipient" required maxLength={300} />
          {carried.map((document, index) => (
            <SelectField
              key={document.id}
              id={`dossier-${document.id}`}
              name={`dossier-${document.id}`}
              label={`Dossier of “${document.title}”`}
              options={[
                { value: "", label: "Not delivered this time" },
                ...dossiersByDocument[index].map((dossier) => ({
                  value: String(dossier.id),
                  label: `#${dossier.id} (${dossier.locale}), ${signatureCount(dossier.total)}, ${formatUtc(dossier.createdAt, "minute")}, SHA-256 ${dossier.sha256?.slice(0, 12)}…`,
                })),
              ]}
            />
          ))}
          <div className="actions">
            <SubmitButton>Record the delivery</SubmitButton>
          </div>
        </AdminForm>
        <h3>Recorded deliveries</h3>
        <ul>
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              {delivery.deliveredOn}, {delivery.place}, to {delivery.recipient}:{" "}
              {delivery.items
                .map(
                  (item) =>
                    `${titleOf.get(item.documentId) ?? item.documentId} (${item.signatureCount.toLocaleString("en")}, dossier #${item.dossierId})`,
                )
                .join("; ")}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

const signatureCount = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "signature" : "signatures"}`;

type DispatchTexts = {
  dated: string;
  texts: { en: { title: string; body: string }; ru?: { title: string; body: string } };
};

/** The fields of a dispatch, empty for a new one or filled from a published one. */
function DispatchFields({ idPrefix = "", initial }: { idPrefix?: string; initial?: DispatchTexts }) {
  return (
    <>
      <TextField
        id={`${idPrefix}dated`}
        name="dated"
        label="Date it speaks of"
        type="date"
        required
        initial={initial?.dated}
      />
      <TextField
        id={`${idPrefix}title`}
        name="title"
        label="Title"
        required
        maxLength={200}
        initial={initial?.texts.en.title}
      />
      <TextArea
        id={`${idPrefix}body`}
        name="body"
        label="Text (Markdown)"
        rows={8}
        required
        initial={initial?.texts.en.body}
      />
      <TextField
        id={`${idPrefix}titleRu`}
        name="titleRu"
        label="Russian title (optional)"
        maxLength={200}
        lang="ru"
        initial={initial?.texts.ru?.title}
      />
      <TextArea
        id={`${idPrefix}bodyRu`}
        name="bodyRu"
        label="Russian text (optional; without it Russian readers see the English)"
        rows={8}
        lang="ru"
        initial={initial?.texts.ru?.body}
      />
    </>
  );
}
