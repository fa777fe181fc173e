import Link from "next/link";
import { notFound } from "next/navigation";
import { listAuditEntries } from "@/db/queries/audit";
import { getSignatureWithDocument } from "@/db/queries/moderation";
import { formatUtc } from "@/lib/format";
import { requireAdmin } from "@/lib/auth-guard";
import { countryName } from "@/lib/countries";
import { rejectAction, restoreAction } from "../actions";

export const metadata = { title: "Signature" };


export default async function SignaturePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const found = await getSignatureWithDocument(id);
  if (!found) notFound();
  const { signature, document } = found;
  const history = await listAuditEntries({ targetType: "signature", targetId: String(id) });
  return (
    <>
      <p><Link href="/admin/signatures">All signatures</Link></p>
      <h1>Signature #{signature.id}</h1>
      <dl className="details">
        <dt>Document</dt><dd>{document.title}</dd>
        <dt>Name</dt><dd>{signature.name}</dd>
        <dt>Email</dt><dd>{signature.email}</dd>
        <dt>Where</dt><dd>{signature.city ? `${signature.city}, ` : ""}{countryName(signature.country)}</dd>
        <dt>Comment</dt><dd>{signature.comment ?? "—"}</dd>
        <dt>Shown as</dt><dd>{signature.display}</dd>
        <dt>Updates</dt><dd>{signature.updates ? "yes" : "no"}</dd>
        <dt>State</dt><dd><strong>{signature.state}</strong></dd>
        <dt>Emails sent</dt><dd>{signature.emailsSent}</dd>
      </dl>
      <div className="actions">
        {signature.state === "pending" || signature.state === "confirmed" ? (
          <form action={rejectAction}>
            <input type="hidden" name="id" value={signature.id} />
            <button type="submit">Reject this signature</button>
          </form>
        ) : null}
        {signature.state === "rejected" ? (
          <form action={restoreAction}>
            <input type="hidden" name="id" value={signature.id} />
            <button type="submit" className="secondary">Restore this signature</button>
          </form>
        ) : null}
      </div>
      <h2>History</h2>
      <ol>
        <li>{formatUtc(signature.createdAt, "second")}: signed</li>
        {signature.confirmedAt ? <li>{formatUtc(signature.confirmedAt, "second")}: confirmed by email</li> : null}
        {history.toReversed().map((entry) => (
          <li key={entry.id}>{formatUtc(entry.at, "second")}: {entry.action.replace("signature.", "")} by {entry.actor}</li>
        ))}
      </ol>
    </>
  );
}
