import { BarChart } from "@/app/_components/bar-chart";
import {
  getConfirmedPerDay,
  getOutboxHealth,
  getSourceCounts,
  getStateCounts,
  getTopCountries,
  type OutboxHealth,
} from "@/db/queries/dashboard";
import { formatUtc } from "@/lib/format/utc";
import { requireRole } from "@/server/auth/auth-guard";
import { roleAtLeast } from "@/server/auth/organiser-role";
import { countryName } from "@/lib/i18n/countries";
import { SourceTable } from "./source-table";

export const metadata = { title: "Dashboard" };

type DocumentStats = Awaited<ReturnType<typeof getStateCounts>>[number] & {
  perDay: Awaited<ReturnType<typeof getConfirmedPerDay>>;
  countries: Awaited<ReturnType<typeof getTopCountries>>;
  sources: Awaited<ReturnType<typeof getSourceCounts>>;
};

const format = (value: number) => value.toLocaleString("en");

function formatWait(ms: number) {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const [amount, unit] =
    minutes < 60
      ? [minutes, "minute"]
      : minutes < 2880
        ? [Math.floor(minutes / 60), "hour"]
        : [Math.floor(minutes / 1440), "day"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <strong>{format(value)}</strong> {label}
    </div>
  );
}

function DocumentSection({ document }: { document: DocumentStats }) {
  const headingId = `document-${document.id}`;
  return (
    <section aria-labelledby={headingId} className="card" style={{ margin: "1.5rem 0" }}>
      <p className="kind">{document.kind}</p>
      <h2 id={headingId}>{document.title}</h2>
      <div className="stats">
        <Stat label="Confirmed" value={document.confirmed} />
        {document.partnerConfirmed > 0 ? (
          <Stat label="of them confirmed by an API partner" value={document.partnerConfirmed} />
        ) : null}
        <Stat label="Pending" value={document.pending} />
        <Stat label="Rejected" value={document.rejected} />
        <Stat label="Withdrawn" value={document.withdrawn} />
        <Stat label="Kept counter" value={document.signatureCount} />
      </div>
      {document.signatureCount !== document.confirmed ? (
        <p className="error" style={{ marginTop: "0.75rem" }}>
          Warning: counter drift. The kept counter shows {format(document.signatureCount)}, but the signature rows hold{" "}
          {format(document.confirmed)} confirmed.
        </p>
      ) : null}
      <h3>Confirmed signatures per day</h3>
      <BarChart
        id={`chart-${document.id}`}
        title={`Confirmed signatures per day, last ${document.perDay.length} days (UTC)`}
        data={document.perDay.map((row) => ({ label: row.day, value: row.count }))}
        columns={["Day (UTC)", "Confirmed"]}
      />
      <h3>Top countries</h3>
      {document.countries.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Confirmed</th>
              </tr>
            </thead>
            <tbody>
              {document.countries.map((row) => (
                <tr key={row.country}>
                  <td>{countryName(row.country)}</td>
                  <td>{format(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">No confirmed signatures yet.</p>
      )}
      <h3>Signatures per source</h3>
      <SourceTable rows={document.sources} />
    </section>
  );
}

function OutboxSection({ health }: { health: OutboxHealth }) {
  return (
    <section aria-labelledby="outbox" className="card" style={{ margin: "1.5rem 0" }}>
      <h2 id="outbox">Email outbox</h2>
      <div className="stats">
        <Stat label="Queued" value={health.queued} />
        <Stat label="Sending" value={health.sending} />
        <Stat label="Sent" value={health.sent} />
        <Stat label="Failed" value={health.failed} />
      </div>
      <p>
        {health.oldestQueuedAt && health.oldestQueuedWaitMs !== null ? (
          <>
            The oldest queued email has waited {formatWait(health.oldestQueuedWaitMs)} (since{" "}
            <time dateTime={health.oldestQueuedAt.toISOString()}>{formatUtc(health.oldestQueuedAt)}</time>).
          </>
        ) : (
          "No email is waiting in the queue."
        )}
      </p>
      <h3>Recent failures</h3>
      {health.recentFailures.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">Template</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {health.recentFailures.map((failure) => (
                <tr key={failure.id}>
                  <td>#{failure.id}</td>
                  <td>{failure.template}</td>
                  <td>{failure.attempts}</td>
                  <td style={{ overflowWrap: "anywhere" }}>{failure.lastError ?? "—"}</td>
                  <td>
                    <time dateTime={failure.createdAt.toISOString()}>{formatUtc(failure.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">No failed emails.</p>
      )}
    </section>
  );
}

export default async function DashboardPage() {
  const admin = await requireRole("moderator");
  // The outbox's errors can quote a recipient's address: organisers only.
  const showOutbox = roleAtLeast(admin.role, "organiser");
  const now = new Date();
  const [counts, outbox] = await Promise.all([getStateCounts(), showOutbox ? getOutboxHealth(now) : null]);
  const documents: DocumentStats[] = await Promise.all(
    counts.map(async (document) => ({
      ...document,
      perDay: await getConfirmedPerDay(document.id, 30, now),
      countries: await getTopCountries(document.id),
      sources: await getSourceCounts(document.id),
    })),
  );
  return (
    <>
      <h1>Dashboard</h1>
      {documents.map((document) => (
        <DocumentSection key={document.id} document={document} />
      ))}
      {outbox ? <OutboxSection health={outbox} /> : null}
    </>
  );
}
