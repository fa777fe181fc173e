import Link from "next/link";
import { listAllDocuments } from "@/db/queries/documents";
import { listSignatures } from "@/db/queries/moderation";
import { signatureStates } from "@/lib/vocabulary";
import { formatUtc } from "@/lib/format/utc";
import { requireRole } from "@/server/auth/auth-guard";
import { roleAtLeast } from "@/server/auth/organiser-role";
import { countryName } from "@/lib/i18n/countries";
import type { SignatureFilter } from "@/db/queries/signature-search";
import { filterQuery, parseSignatureFilter } from "@/server/admin/inputs/signature-filters";
import { recordAudit } from "@/db/queries/audit";
import { withoutPersonalTerms } from "@/server/admin/audit-details";

export const metadata = { title: "Signatures" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignaturesPage({ searchParams }: Props) {
  const admin = await requireRole("moderator");
  // Moderators see names and countries, never email addresses, and cannot export or invalidate in bulk.
  const withEmails = roleAtLeast(admin.role, "organiser");
  const params = await searchParams;
  const parsed = parseSignatureFilter(params);
  const filter: SignatureFilter = parsed.ok ? parsed.filter : {};
  const before = Number(Array.isArray(params.before) ? params.before[0] : params.before) || undefined;
  // A search for a person is audited as having happened, the first page only; what was typed is not kept.
  if (filter.q && !before) {
    await recordAudit({ actor: admin.email, action: "signatures.search", details: withoutPersonalTerms(filter) });
  }
  const [page, documents] = await Promise.all([listSignatures(filter, before, { withEmails }), listAllDocuments()]);
  const value = (key: keyof SignatureFilter) => (parsed.ok ? (filter[key] ?? "") : String(params[key] ?? ""));

  return (
    <>
      <h1>Signatures</h1>
      <form method="get" className="filters card" aria-label="Filter signatures">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="text" defaultValue={value("q")} aria-describedby="q-hint" />
          <p className="hint" id="q-hint">
            {withEmails ? "Name, email, @domain or country code" : "Name or country code"}
          </p>
        </div>
        <div className="field">
          <label htmlFor="document">Document</label>
          <select id="document" name="document" defaultValue={value("document")}>
            <option value="">All documents</option>
            {documents.map((document) => (
              <option key={document.id} value={document.slug}>
                {document.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="state">State</label>
          <select id="state" name="state" defaultValue={value("state")}>
            <option value="">Any state</option>
            {signatureStates.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">Signed from</label>
          <input id="from" name="from" type="date" defaultValue={value("from")} />
        </div>
        <div className="field">
          <label htmlFor="to">Signed to</label>
          <input id="to" name="to" type="date" defaultValue={value("to")} />
        </div>
        <div>
          <button type="submit">Filter</button>
        </div>
      </form>
      {!parsed.ok ? (
        <div className="error-summary" role="alert">
          <p className="error">The filter could not be used:</p>
          <ul>
            {Object.entries(parsed.errors).map(([field, message]) => (
              <li key={field}>
                {field}: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {withEmails ? (
        <p className="actions">
          <a className="button secondary" href={`/api/admin/export${filterQuery(filter, { format: "csv" })}`}>
            Export CSV
          </a>
          <a className="button secondary" href={`/api/admin/export${filterQuery(filter, { format: "ndjson" })}`}>
            Export JSON (NDJSON)
          </a>
          <Link href="/admin/signatures/invalidate">Bulk invalidation…</Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Signatures, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Name</th>
              {withEmails ? <th scope="col">Email</th> : null}
              <th scope="col">Where</th>
              <th scope="col">Document</th>
              <th scope="col">State</th>
              <th scope="col">Signed</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={withEmails ? 7 : 6}>No signatures match.</td>
              </tr>
            ) : (
              page.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/admin/signatures/${row.id}`}>{row.id}</Link>
                  </td>
                  <td>{row.name}</td>
                  {withEmails ? <td>{row.email}</td> : null}
                  <td>
                    {row.city ? `${row.city}, ` : ""}
                    {countryName(row.country)}
                  </td>
                  <td>{row.document}</td>
                  <td>{row.state}</td>
                  <td>
                    <time dateTime={row.createdAt.toISOString()}>{formatUtc(row.createdAt)}</time>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="actions">
        {before ? <Link href={`/admin/signatures${filterQuery(filter)}`}>Newest</Link> : null}
        {page.nextBefore ? (
          <Link href={`/admin/signatures${filterQuery(filter, { before: page.nextBefore })}`}>Older</Link>
        ) : null}
      </nav>
    </>
  );
}
