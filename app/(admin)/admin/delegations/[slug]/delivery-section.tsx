import Link from "next/link";
import { AdminForm, SelectField, SubmitButton, TextField } from "@/app/_components/admin-form";
import type { listCarriedDocuments } from "@/db/queries/delegations";
import type { listDeliveries } from "@/db/queries/delegation-deliveries";
import type { listReadyDossiers } from "@/db/queries/dossiers";
import { formatUtc } from "@/lib/format/utc";
import { recordDeliveryAction } from "../actions";

type Props = {
  slug: string;
  carried: Awaited<ReturnType<typeof listCarriedDocuments>>;
  dossiersByDocument: Awaited<ReturnType<typeof listReadyDossiers>>[];
  deliveries: Awaited<ReturnType<typeof listDeliveries>>;
  titleOf: Map<number, string>;
};

/** Recording a delivery (a dossier per document handed over), and the deliveries recorded. */
export function DeliverySection({ slug, carried, dossiersByDocument, deliveries, titleOf }: Props) {
  const ofThis = <input type="hidden" name="delegation" value={slug} />;
  return (
    <section aria-labelledby="delivery-heading" className="card">
      <h2 id="delivery-heading">Record a delivery</h2>
      <p>
        For each document handed over, choose the dossier that was printed. Its signature count is the count delivered,
        and its SHA-256 is published. <Link href="/admin/dossiers">Generate a dossier</Link> first.
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
  );
}

const signatureCount = (count: number) => `${count.toLocaleString("en")} ${count === 1 ? "signature" : "signatures"}`;
