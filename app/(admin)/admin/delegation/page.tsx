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
import {
  addMemberAction,
  postDispatchAction,
  recordDeliveryAction,
  removeMemberAction,
  updateDelegationTextsAction,
} from "./actions";

export const metadata = { title: "Delegation" };

type Props = { searchParams: Promise<{ error?: string; posted?: string; recorded?: string; saved?: string }> };

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
  const { error, posted, recorded, saved } = await searchParams;
  const { en, ru } = delegation.texts;
  return (
    <>
      <h1>{inLocale(delegation.texts, "en").title}</h1>
      <p>
        Public page: <Link href={`/delegations/${delegation.slug}`}>/delegations/{delegation.slug}</Link>
      </p>
      {error ? <p className="notice error" role="alert">{error}</p> : null}
      {posted ? <p className="notice success" role="status">The dispatch is published.</p> : null}
      {recorded ? <p className="notice success" role="status">The delivery is recorded and its dossiers are frozen.</p> : null}
      {saved ? <p className="notice success" role="status">Saved. The public page shows it now.</p> : null}

      <section aria-labelledby="text-heading" className="card">
        <h2 id="text-heading">The delegation&apos;s story</h2>
        <form action={updateDelegationTextsAction} className="form">
          <div className="field">
            <label htmlFor="story-title">Title</label>
            <input id="story-title" name="title" type="text" required maxLength={200} defaultValue={en.title} />
          </div>
          <div className="field">
            <label htmlFor="story-summary">Summary</label>
            <textarea id="story-summary" name="summary" rows={3} required defaultValue={en.summary} />
          </div>
          <div className="field">
            <label htmlFor="story-body">Text (Markdown)</label>
            <textarea id="story-body" name="body" rows={10} required defaultValue={en.body} />
          </div>
          <div className="field">
            <label htmlFor="story-title-ru">Russian title (optional)</label>
            <input id="story-title-ru" name="titleRu" type="text" maxLength={200} lang="ru" defaultValue={ru?.title} />
          </div>
          <div className="field">
            <label htmlFor="story-summary-ru">Russian summary</label>
            <textarea id="story-summary-ru" name="summaryRu" rows={3} lang="ru" defaultValue={ru?.summary} />
          </div>
          <div className="field">
            <label htmlFor="story-body-ru">Russian text (Markdown)</label>
            <textarea id="story-body-ru" name="bodyRu" rows={10} lang="ru" defaultValue={ru?.body} />
          </div>
          <div className="actions">
            <button type="submit">Save the story</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">Members</h2>
        <ul>
          {members.map((member) => (
            <li key={member.id}>
              <form action={removeMemberAction} className="actions">
                <span>
                  <strong>{member.name}</strong>, {member.texts.en.role}
                  {member.texts.ru ? " (also in Russian)" : ""}
                </span>
                <input type="hidden" name="id" value={member.id} />
                <button type="submit" className="secondary">
                  Remove<span className="visually-hidden"> {member.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <h3>Add a member</h3>
        <form action={addMemberAction} className="form">
          <div className="field">
            <label htmlFor="member-name">Name</label>
            <input id="member-name" name="name" type="text" required maxLength={120} />
          </div>
          <div className="field">
            <label htmlFor="member-role">Role</label>
            <input id="member-role" name="role" type="text" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="member-bio">Short biography (Markdown)</label>
            <textarea id="member-bio" name="bio" rows={3} required />
          </div>
          <div className="field">
            <label htmlFor="member-role-ru">Russian role (optional)</label>
            <input id="member-role-ru" name="roleRu" type="text" maxLength={200} lang="ru" />
          </div>
          <div className="field">
            <label htmlFor="member-bio-ru">Russian biography</label>
            <textarea id="member-bio-ru" name="bioRu" rows={3} lang="ru" />
          </div>
          <div className="actions">
            <button type="submit">Add the member</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="dispatch-heading" className="card">
        <h2 id="dispatch-heading">Post a dispatch</h2>
        <form action={postDispatchAction} className="form">
          <div className="field">
            <label htmlFor="dated">Date it speaks of</label>
            <input id="dated" name="dated" type="date" required />
          </div>
          <div className="field">
            <label htmlFor="title">Title</label>
            <input id="title" name="title" type="text" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="body">Text (Markdown)</label>
            <textarea id="body" name="body" rows={8} required />
          </div>
          <div className="field">
            <label htmlFor="titleRu">Russian title (optional)</label>
            <input id="titleRu" name="titleRu" type="text" maxLength={200} lang="ru" />
          </div>
          <div className="field">
            <label htmlFor="bodyRu">Russian text (optional; without it Russian readers see the English)</label>
            <textarea id="bodyRu" name="bodyRu" rows={8} lang="ru" />
          </div>
          <div className="actions">
            <button type="submit">Publish the dispatch</button>
          </div>
        </form>
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
        <form action={recordDeliveryAction} className="form">
          <div className="field">
            <label htmlFor="deliveredOn">Date</label>
            <input id="deliveredOn" name="deliveredOn" type="date" required />
          </div>
          <div className="field">
            <label htmlFor="place">Place</label>
            <input id="place" name="place" type="text" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="recipient">Recipient</label>
            <input id="recipient" name="recipient" type="text" required maxLength={300} />
          </div>
          {carried.map((document, index) => (
            <div className="field" key={document.id}>
              <label htmlFor={`dossier-${document.id}`}>Dossier of “{document.title}”</label>
              <select id={`dossier-${document.id}`} name={`dossier-${document.id}`} defaultValue="">
                <option value="">Not delivered this time</option>
                {dossiersByDocument[index].map((dossier) => (
                  <option key={dossier.id} value={dossier.id}>
                    #{dossier.id} ({dossier.locale}), {dossier.total.toLocaleString("en")} signatures, {formatUtc(dossier.createdAt, "minute")}, SHA-256 {dossier.sha256?.slice(0, 12)}…
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className="actions">
            <button type="submit">Record the delivery</button>
          </div>
        </form>
        <h3>Recorded deliveries</h3>
        <ul>
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              {delivery.deliveredOn}, {delivery.place}, to {delivery.recipient}:{" "}
              {delivery.items
                .map((item) => `${titleOf.get(item.documentId) ?? item.documentId} (${item.signatureCount.toLocaleString("en")}, dossier #${item.dossierId})`)
                .join("; ")}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
