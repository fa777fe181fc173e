import Link from "next/link";
import { notFound } from "next/navigation";
import { getUpdate, getUpdateProgress, markUpdateSent } from "@/db/queries/updates";
import { requireAdmin } from "@/server/auth/auth-guard";
import { formatUtc } from "@/lib/format/utc";
import { englishLanguageNames, locales } from "@/lib/i18n/locales";
import { listUpdateTargets, targetOptionOf } from "@/server/updates/update-targets";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { deleteDraftUpdateAction, sendUpdateAction } from "@/app/(admin)/admin/updates/actions";
import { AutoRefresh } from "@/app/(admin)/admin/updates/auto-refresh";
import { UpdateProgress } from "@/app/(admin)/admin/updates/progress";
import { loadUpdatePreview } from "@/app/(admin)/admin/updates/load-preview";
import { UpdatePreview } from "@/app/(admin)/admin/updates/update-preview";

export const metadata = { title: "Update" };

export default async function UpdatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let update = await getUpdate(id);
  if (!update) notFound();
  if (update.status === "sending" && (await markUpdateSent(id))) update = (await getUpdate(id))!;
  const [progress, targets, preview] = await Promise.all([
    getUpdateProgress(id),
    listUpdateTargets(),
    loadUpdatePreview(update.texts, update),
  ]);
  const target = targetOptionOf(targets, update);
  const languages = locales.filter((code) => update.texts[code]).map((code) => englishLanguageNames[code]);
  return (
    <>
      <p>
        <Link href="/admin/updates">All updates</Link>
      </p>
      <h1>{update.texts.en.subject}</h1>
      <dl className="details">
        <dt>For the signers of</dt>
        <dd>{target?.label ?? "—"}</dd>
        <dt>Status</dt>
        <dd>
          <strong>{update.status}</strong>
          {update.sentAt ? `, finished ${formatUtc(update.sentAt)}` : ""}
        </dd>
        <dt>Written by</dt>
        <dd>
          {update.createdBy ?? "—"}, {formatUtc(update.createdAt)}
        </dd>
        <dt>Languages</dt>
        <dd>{languages.length === 1 ? `${languages[0]} only` : new Intl.ListFormat("en").format(languages)}</dd>
      </dl>
      {update.status === "draft" ? (
        <div className="actions">
          <AdminForm action={sendUpdateAction}>
            <input type="hidden" name="id" value={update.id} />
            <SubmitButton>
              Send to {preview.recipients.toLocaleString("en")} {preview.recipients === 1 ? "person" : "people"}
            </SubmitButton>
          </AdminForm>
          <Link href={`/admin/updates/${update.id}/edit`}>Edit the draft</Link>
          <AdminForm action={deleteDraftUpdateAction}>
            <input type="hidden" name="id" value={update.id} />
            <SubmitButton className="secondary">Delete the draft</SubmitButton>
          </AdminForm>
        </div>
      ) : (
        <>
          {update.status === "sending" ? <AutoRefresh seconds={2} /> : null}
          <p role="status" className={update.status === "sent" ? "notice success" : "notice"}>
            {update.status === "sent"
              ? `Sent: ${progress.sent.toLocaleString("en")} delivered to the provider${progress.failed ? `, ${progress.failed} failed` : ""}.`
              : "Sending… this page refreshes itself."}
          </p>
          <UpdateProgress progress={progress} recipients={update.recipients} />
        </>
      )}
      <UpdatePreview
        data={preview}
        heading={update.status === "draft" ? "Preview" : "What was sent"}
        showRecipients={update.status === "draft"}
      />
    </>
  );
}
