import Link from "next/link";
import {
  countReviewStates,
  listHeldSignatures,
  topAddressHashes,
  topEmailDomains,
  type ReviewCounts,
} from "@/db/queries/anomalies";
import { listAllDocuments, type LocalizedDocument } from "@/db/queries/documents";
import { requireRole } from "@/server/auth/auth-guard";
import { countryName } from "@/lib/i18n/countries";
import { formatUtc } from "@/lib/format/utc";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { approveHeldAction } from "@/app/(admin)/admin/signatures/actions";
import { rejectHeldAction } from "./actions";
import { EmailHoldsSection } from "./email-holds-section";
import { AnomalyTable } from "./anomaly-tables";

export const metadata = { title: "Review and anomalies" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const HELD_SHOWN = 100;
const windows = [
  ["last hour", 3600_000],
  ["last 24 hours", 24 * 3600_000],
] as const;
const reasons: Record<string, string> = {
  "burst-limit": "burst limit",
  "sustained-limit": "sustained limit",
  "email-budget": "email budget",
};
const format = (value: number) => value.toLocaleString("en");
const invalidateLink = (document: string, criteria: Record<string, string>) =>
  `/admin/signatures/invalidate?${new URLSearchParams({ document, ...criteria })}`;

async function HeldSection({
  document,
  counts: { held, lastHeldId },
}: {
  document: LocalizedDocument;
  counts: ReviewCounts;
}) {
  const rows = await listHeldSignatures(document.id, HELD_SHOWN);
  const headingId = `held-${document.slug}`;
  return (
    <section aria-labelledby={headingId} className="card" style={{ margin: "1rem 0" }}>
      <h3 id={headingId}>{document.title}</h3>
      <p>
        <strong>{format(held)}</strong> held; {format(document.signatureCount)} counted.
        {held > rows.length ? ` The ${rows.length} most recently confirmed are shown.` : ""}
      </p>
      <div className="actions">
        <AdminForm action={approveHeldAction}>
          <input type="hidden" name="documentId" value={document.id} />
          <input type="hidden" name="upToId" value={lastHeldId} />
          <SubmitButton>Approve {format(held)} held: count them</SubmitButton>
        </AdminForm>
        <AdminForm action={rejectHeldAction}>
          <input type="hidden" name="document" value={document.slug} />
          <SubmitButton className="danger">Reject {format(held)} held</SubmitButton>
        </AdminForm>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Held signatures on {document.title}</caption>
          <thead>
            <tr>
              <th scope="col">Signature</th>
              <th scope="col">Reason</th>
              <th scope="col">Signed</th>
              <th scope="col">Country</th>
              <th scope="col">Email domain</th>
              <th scope="col">Address hash</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/admin/signatures/${row.id}`}>#{row.id}</Link>
                </td>
                <td>{row.reason ? (reasons[row.reason] ?? row.reason) : "—"}</td>
                <td>
                  <time dateTime={row.createdAt.toISOString()}>{formatUtc(row.createdAt)}</time>
                </td>
                <td>{countryName(row.country)}</td>
                <td>{row.domain}</td>
                <td>
                  {row.ipHash ? (
                    <Link
                      className="hash"
                      href={invalidateLink(document.slug, { ipHash: row.ipHash })}
                      title={row.ipHash}
                    >
                      {row.ipHash.slice(0, 8)}…<span className="visually-hidden"> (all from this address)</span>
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

async function AnomaliesSection({ document, now }: { document: LocalizedDocument; now: number }) {
  const headingId = `anomalies-${document.slug}`;
  const tables = await Promise.all(
    windows.map(async ([label, span]) => {
      const since = new Date(now - span);
      const [addresses, domains] = await Promise.all([
        topAddressHashes(document.id, since),
        topEmailDomains(document.id, since),
      ]);
      return { label, addresses, domains };
    }),
  );
  return (
    <section aria-labelledby={headingId} className="card" style={{ margin: "1rem 0" }}>
      <h3 id={headingId}>{document.title}</h3>
      {tables.map(({ label, addresses, domains }) => (
        <div key={label}>
          <AnomalyTable
            caption={`Address hashes with the most signatures, ${label}`}
            column="Address hash"
            rows={addresses.map((row) => ({
              value: row.ipHash,
              count: row.count,
              href: invalidateLink(document.slug, { ipHash: row.ipHash }),
            }))}
          />
          <AnomalyTable
            caption={`Email domains with the most signatures, ${label}`}
            column="Email domain"
            rows={domains.map((row) => ({
              value: row.domain,
              count: row.count,
              href: invalidateLink(document.slug, { domain: row.domain }),
            }))}
          />
        </div>
      ))}
    </section>
  );
}

export default async function ReviewPage({ searchParams }: Props) {
  // Moderators review too: nothing here shows an email address (domains and address hashes only).
  await requireRole("moderator");
  const params = await searchParams;
  const [documents, counts] = await Promise.all([listAllDocuments(), countReviewStates()]);
  const none: ReviewCounts = { held: 0, lastHeldId: 0, honeypot: 0, tooFast: 0 };
  const countsOf = (id: number) => counts.get(id) ?? none;
  const heldTotal = documents.reduce((sum, document) => sum + countsOf(document.id).held, 0);
  const lastHeldId = Math.max(0, ...documents.map((document) => countsOf(document.id).lastHeldId));
  const notice =
    params.released !== undefined
      ? `${Number(params.released)} held signatures were released; their confirmation emails are on their way.`
      : params.approved !== undefined
        ? `${Number(params.approved)} held signatures were approved and now count.`
        : params.rejected !== undefined
          ? `${Number(params.rejected)} held signatures were rejected.`
          : null;
  const now = new Date().getTime();
  return (
    <>
      <h1>Review and anomalies</h1>
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}

      <EmailHoldsSection documents={documents} />

      <h2>Held for review</h2>
      <p>
        Signatures confirmed by email from one client address beyond the <Link href="/admin/settings">rate limits</Link>
        . Their signers were told nothing unusual; they count once approved.
      </p>
      {heldTotal === 0 ? (
        <p className="hint">No signature is waiting for review.</p>
      ) : (
        <>
          {documents.map((document) => {
            const documentCounts = countsOf(document.id);
            return documentCounts.held > 0 ? (
              <HeldSection key={document.id} document={document} counts={documentCounts} />
            ) : null;
          })}
          <div className="actions">
            <AdminForm action={approveHeldAction}>
              <input type="hidden" name="upToId" value={lastHeldId} />
              <SubmitButton className="secondary">Approve all {format(heldTotal)} held, on every document</SubmitButton>
            </AdminForm>
            <AdminForm action={rejectHeldAction}>
              <SubmitButton className="secondary">Reject all {format(heldTotal)} held, on every document</SubmitButton>
            </AdminForm>
          </div>
        </>
      )}

      <h2>Stopped by the bot checks</h2>
      <p>
        Kept but never counted or emailed: a filled hidden field (honeypot), or sent sooner than a person could fill the
        form.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Honeypot</th>
              <th scope="col">Too fast</th>
              <th scope="col">List</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => {
              const { honeypot, tooFast } = countsOf(document.id);
              return (
                <tr key={document.id}>
                  <th scope="row">{document.title}</th>
                  <td>{format(honeypot)}</td>
                  <td>{format(tooFast)}</td>
                  <td>
                    <Link href={`/admin/signatures?document=${document.slug}&state=flagged`}>
                      Flagged signatures<span className="visually-hidden"> on {document.title}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>Anomalies</h2>
      <p>
        Where the most signatures of each document came from lately, in any state. Address hashes stand for client
        addresses, which are never stored.
      </p>
      {documents.map((document) => (
        <AnomaliesSection key={document.id} document={document} now={now} />
      ))}
    </>
  );
}
