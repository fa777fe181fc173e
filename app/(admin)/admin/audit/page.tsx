import Link from "next/link";
import { listAuditEntries } from "@/db/queries/audit";
import { formatUtc } from "@/lib/format/utc";
import { requireAdmin } from "@/server/auth/auth-guard";

export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<{ action?: string; before?: string }> };

const PAGE = 100;

export default async function AuditPage({ searchParams }: Props) {
  await requireAdmin();
  const { action, before } = await searchParams;
  const actionFilter = typeof action === "string" && /^[a-z.-]{1,60}$/.test(action) ? action : undefined;
  const cursor = Number(before) || undefined;
  const entries = await listAuditEntries({ action: actionFilter, before: cursor }, PAGE);
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...(actionFilter ? { action: actionFilter } : {}), ...extra })}`;
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every organiser sign-in, content change, moderation action and export, newest first. Entries cannot be changed
        or deleted.
      </p>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={actionFilter ?? ""}>
            <option value="">All actions</option>
            {[
              "admin.sign-in",
              "admin.sign-out",
              "admin.session-revoke",
              "document.update",
              "signature.reject",
              "signature.restore",
              "signatures.invalidate",
              "signatures.export",
              "signatures.search",
            ].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">Show</button>
        </div>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatUtc(entry.at, "second")}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>
                  {entry.targetType === "signature" ? (
                    <Link href={`/admin/signatures/${entry.targetId}`}>signature #{entry.targetId}</Link>
                  ) : entry.targetType ? (
                    `${entry.targetType} ${entry.targetId}`
                  ) : (
                    ""
                  )}
                </td>
                <td>
                  <code style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                    {entry.details ? JSON.stringify(entry.details) : ""}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === PAGE ? (
        <p>
          <Link href={`/admin/audit${query({ before: String(entries[entries.length - 1].id) })}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}
