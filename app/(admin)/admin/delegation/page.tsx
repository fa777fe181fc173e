import Link from "next/link";
import {
  getFeaturedDelegation,
  inLocale,
  listCarriedDocuments,
  listDeliveries,
  listDispatches,
} from "@/db/queries/delegations";
import { listReadyDossiers } from "@/db/queries/dossiers";
import { requireAdmin } from "@/lib/auth-guard";
import { formatUtc } from "@/lib/format";
import { postDispatchAction, recordDeliveryAction } from "./actions";

export const metadata = { title: "Delegation" };

type Props = { searchParams: Promise<{ error?: string; posted?: string; recorded?: string }> };

export default async function DelegationAdminPage({ searchParams }: Props) {
  await requireAdmin();
  const delegation = await getFeaturedDelegation();
  if (!delegation) return <p>There is no delegation.</p>;
  const [carried, dispatches, deliveries] = await Promise.all([
    listCarriedDocuments(delegation.id, "en"),
    listDispatches(delegation.id),
    listDeliveries(delegation.id),
  ]);
  const dossiersByDocument = await Promise.all(carried.map((document) => listReadyDossiers(document.id)));
  const titleOf = new Map(carried.map((document) => [document.id, document.title]));
  const { error, posted, recorded } = await searchParams;
  return (
    <>
      <h1>{inLocale(delegation.texts, "en").title}</h1>
      <p>
        Public page: <Link href={`/delegations/${delegation.slug}`}>/delegations/{delegation.slug}</Link>
      </p>
      {error ? <p className="notice error" role="alert">{error}</p> : null}
      {posted ? <p className="notice success" role="status">The dispatch is published.</p> : null}
      {recorded ? <p className="notice success" role="status">The delivery is recorded and its dossiers are frozen.</p> : null}

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
