import Link from "next/link";
import { getUpdateProgress, listUpdates, markUpdateSent } from "@/db/queries/updates";
import { requireAdmin } from "@/server/auth/auth-guard";
import { formatUtc } from "@/lib/format/utc";
import { listUpdateTargets, targetOptionOf } from "@/server/updates/update-targets";

export const metadata = { title: "Updates" };

export default async function UpdatesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  await requireAdmin();
  const { deleted } = await searchParams;
  const all = await listUpdates();
  for (const update of all.filter((row) => row.status === "sending")) {
    if (await markUpdateSent(update.id)) update.status = "sent";
  }
  const targets = await listUpdateTargets();
  const rows = await Promise.all(
    all.map(async (update) => ({
      update,
      progress: update.status === "draft" ? null : await getUpdateProgress(update.id),
    })),
  );
  return (
    <>
      <h1>Updates to signers</h1>
      {deleted ? (
        <p className="notice success" role="status">
          The draft is deleted.
        </p>
      ) : null}
      <p>
        News for the confirmed signers who asked for updates, by email in their language. Each person receives an update
        once, however many of its documents they signed.
      </p>
      <p>
        <Link className="button" href="/admin/updates/new">
          Write an update
        </Link>
      </p>
      {rows.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">For the signers of</th>
                <th scope="col">Status</th>
                <th scope="col">Sent</th>
                <th scope="col">Written</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ update, progress }) => (
                <tr key={update.id}>
                  <td>
                    <Link href={`/admin/updates/${update.id}`}>{update.texts.en.subject}</Link>
                  </td>
                  <td>{targetOptionOf(targets, update)?.label ?? "—"}</td>
                  <td>{update.status}</td>
                  <td>
                    {progress
                      ? `${progress.sent.toLocaleString("en")} of ${update.recipients.toLocaleString("en")}${progress.failed ? `, ${progress.failed} failed` : ""}`
                      : "—"}
                  </td>
                  <td>{formatUtc(update.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
