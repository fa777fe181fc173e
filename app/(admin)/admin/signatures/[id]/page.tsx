import Link from "next/link";
import { notFound } from "next/navigation";
import { listAuditEntries } from "@/db/queries/audit";
import { getLocalizedDocumentById } from "@/db/queries/documents";
import { getSignatureWithDocument } from "@/db/queries/moderation";
import { formatUtc } from "@/lib/format/utc";
import { requireRole } from "@/server/auth/auth-guard";
import { roleAtLeast } from "@/server/auth/organiser-role";
import { countryName } from "@/lib/i18n/countries";
import { englishLanguageNames } from "@/lib/i18n/locales";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { approveAction, rejectAction, restoreAction } from "@/app/(admin)/admin/signatures/actions";

export const metadata = { title: "Signature" };

export default async function SignaturePage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole("moderator");
  // A moderator sees the name and country, never an email address (neither the signer's nor an organiser's).
  const withEmails = roleAtLeast(admin.role, "organiser");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const found = await getSignatureWithDocument(id);
  if (!found) notFound();
  const { signature } = found;
  const document = (await getLocalizedDocumentById(found.document.id, "en"))!;
  const history = await listAuditEntries({ targetType: "signature", targetId: String(id) });
  return (
    <>
      <p>
        <Link href="/admin/signatures">All signatures</Link>
      </p>
      <h1>Signature #{signature.id}</h1>
      <dl className="details">
        <dt>Document</dt>
        <dd>
          {document.title} (text version {signature.documentVersion}, signed in {englishLanguageNames[signature.locale]}
          )
        </dd>
        <dt>Name</dt>
        <dd>{signature.name}</dd>
        {withEmails ? (
          <>
            <dt>Email</dt>
            <dd>{signature.email}</dd>
          </>
        ) : null}
        <dt>Where</dt>
        <dd>
          {signature.city ? `${signature.city}, ` : ""}
          {countryName(signature.country)}
        </dd>
        <dt>Comment</dt>
        <dd>{signature.comment ?? "—"}</dd>
        <dt>Shown as</dt>
        <dd>{signature.display}</dd>
        <dt>Updates</dt>
        <dd>{signature.updates ? "yes" : "no"}</dd>
        {signature.organisation || signature.role ? (
          <>
            <dt>Organisation and role</dt>
            <dd>{[signature.organisation, signature.role].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        <dt>State</dt>
        <dd>
          <strong>{signature.state}</strong>
          {signature.reviewReason ? ` (${signature.reviewReason})` : ""}
        </dd>
        <dt>Emails sent</dt>
        <dd>{signature.emailsSent}</dd>
      </dl>
      <div className="actions">
        {signature.state === "held" ? (
          <AdminForm action={approveAction}>
            <input type="hidden" name="id" value={signature.id} />
            <SubmitButton>Approve: count this signature</SubmitButton>
          </AdminForm>
        ) : null}
        {signature.state === "pending" || signature.state === "confirmed" || signature.state === "held" ? (
          <AdminForm action={rejectAction}>
            <input type="hidden" name="id" value={signature.id} />
            <SubmitButton>Reject this signature</SubmitButton>
          </AdminForm>
        ) : null}
        {signature.state === "rejected" ? (
          <AdminForm action={restoreAction}>
            <input type="hidden" name="id" value={signature.id} />
            <SubmitButton className="secondary">Restore this signature</SubmitButton>
          </AdminForm>
        ) : null}
      </div>
      <h2>History</h2>
      <ol>
        <li>{formatUtc(signature.createdAt, "second")}: signed</li>
        {signature.confirmedAt ? <li>{formatUtc(signature.confirmedAt, "second")}: confirmed by email</li> : null}
        {history.toReversed().map((entry) => (
          <li key={entry.id}>
            {formatUtc(entry.at, "second")}: {entry.action.replace("signature.", "")} by{" "}
            {withEmails ? entry.actor : "an organiser"}
          </li>
        ))}
      </ol>
    </>
  );
}
