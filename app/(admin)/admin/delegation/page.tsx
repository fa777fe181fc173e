import Link from "next/link";
import {
  getFeaturedDelegation,
  inLocale,
  listCarriedDocuments,
  listDeliveries,
  listDispatches,
  listMembers,
} from "@/db/queries/delegations";
import { listReadyDossiers } from "@/db/queries/dossiers";
import { requireAdmin } from "@/server/auth/auth-guard";
import { formatUtc } from "@/lib/format/utc";
import { AdminForm, SelectField, SubmitButton, TextArea, TextField } from "@/app/_components/admin-form";
import {
  addMemberAction,
  postDispatchAction,
  recordDeliveryAction,
  removeMemberAction,
  updateDelegationTextsAction,
} from "./actions";

export const metadata = { title: "Delegation" };

type Props = { searchParams: Promise<{ posted?: string; recorded?: string; saved?: string }> };

export default async function DelegationAdminPage({ searchParams }: Props) {
  await requireAdmin();
  const delegation = await getFeaturedDelegation();
  if (!delegation) return <p>There is no delegation.</p>;
  const [carried, dispatches, deliveries, members] = await Promise.all([
    listCarriedDocuments(delegation.id, "en"),
    listDispatches(delegation.id),
    listDeliveries(delegation.id),
    listMembers(delegation.id),
  ]);
  const dossiersByDocument = await Promise.all(carried.map((document) => listReadyDossiers(document.id)));
  const titleOf = new Map(carried.map((document) => [document.id, document.title]));
  const { posted, recorded, saved } = await searchParams;
  const { en, ru } = delegation.texts;
  return (
    <>
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
          Saved. The public page shows it now.
        </p>
      ) : null}

      <section aria-labelledby="text-heading" className="card">
        <h2 id="text-heading">The delegation&apos;s story</h2>
        <AdminForm action={updateDelegationTextsAction} className="form">
          <TextField id="story-title" name="title" label="Title" required maxLength={200} initial={en.title} />
          <TextArea id="story-summary" name="summary" label="Summary" rows={3} required initial={en.summary} />
          <TextArea id="story-body" name="body" label="Text (Markdown)" rows={10} required initial={en.body} />
          <TextField
            id="story-title-ru"
            name="titleRu"
            label="Russian title (optional)"
            maxLength={200}
            lang="ru"
            initial={ru?.title}
          />
          <TextArea
            id="story-summary-ru"
            name="summaryRu"
            label="Russian summary"
            rows={3}
            lang="ru"
            initial={ru?.summary}
          />
          <TextArea
            id="story-body-ru"
            name="bodyRu"
            label="Russian text (Markdown)"
            rows={10}
            lang="ru"
            initial={ru?.body}
          />
          <div className="actions">
            <SubmitButton>Save the story</SubmitButton>
          </div>
        </AdminForm>
      </section>

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">Members</h2>
        <ul>
          {members.map((member) => (
            <li key={member.id}>
              <AdminForm action={removeMemberAction} className="actions">
                <span>
                  <strong>{member.name}</strong>, {member.texts.en.role}
                  {member.texts.ru ? " (also in Russian)" : ""}
                </span>
                <input type="hidden" name="id" value={member.id} />
                <SubmitButton className="secondary">
                  Remove<span className="visually-hidden"> {member.name}</span>
                </SubmitButton>
              </AdminForm>
            </li>
          ))}
        </ul>
        <h3>Add a member</h3>
        <AdminForm action={addMemberAction} className="form">
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

      <section aria-labelledby="dispatch-heading" className="card">
        <h2 id="dispatch-heading">Post a dispatch</h2>
        <AdminForm action={postDispatchAction} className="form">
          <TextField name="dated" label="Date it speaks of" type="date" required />
          <TextField name="title" label="Title" required maxLength={200} />
          <TextArea name="body" label="Text (Markdown)" rows={8} required />
          <TextField name="titleRu" label="Russian title (optional)" maxLength={200} lang="ru" />
          <TextArea
            name="bodyRu"
            label="Russian text (optional; without it Russian readers see the English)"
            rows={8}
            lang="ru"
          />
          <div className="actions">
            <SubmitButton>Publish the dispatch</SubmitButton>
          </div>
        </AdminForm>
        <h3>Published dispatches</h3>
        <ul>
          {dispatches.map((dispatch) => (
            <li key={dispatch.id}>
              {dispatch.dated}: {dispatch.texts.en.title}
              {dispatch.texts.ru ? " (also in Russian)" : ""}
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
                  label: `#${dossier.id} (${dossier.locale}), ${dossier.total.toLocaleString("en")} signatures, ${formatUtc(dossier.createdAt, "minute")}, SHA-256 ${dossier.sha256?.slice(0, 12)}…`,
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
