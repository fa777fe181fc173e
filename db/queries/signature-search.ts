import { and, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { likeIgnoringCase } from "@/db/dialect";
import { isCountryCode } from "@/lib/i18n/countries";
import { documents, signatures } from "@/db/schema";
import type { SignatureState } from "@/lib/vocabulary";

/** An organiser's filter over signatures; dates are "YYYY-MM-DD" (UTC), both ends inclusive. */
export type SignatureFilter = { q?: string; document?: string; state?: SignatureState; from?: string; to?: string };

const DAY_MS = 24 * 3600_000;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Everyone at a domain ("example.org" or "@example.org"), by the normalised email. */
export const atDomain = (domain: string) =>
  likeIgnoringCase(signatures.emailKey, `%@${escapeLike(domain.replace(/^@/, "").toLowerCase())}`);

/** A literal fragment anywhere in a column: % and _ in it match only themselves. */
export const containing = (column: SQLiteColumn, fragment: string) =>
  likeIgnoringCase(column, `%${escapeLike(fragment)}%`);

/**
 * The WHERE conditions for an admin filter. The search box takes a name or email fragment, "@domain" for
 * everyone at a domain, or a two-letter country code. Signatures are matched on created_at by date (UTC).
 * Without `byEmail` (a moderator's search) only names and countries match: the email addresses they may not
 * see cannot be probed through the search either.
 */
export function signatureConditions(filter: SignatureFilter, { byEmail = true } = {}): SQL[] {
  const conditions: SQL[] = [];
  if (filter.document) {
    conditions.push(
      sql`${signatures.documentId} = (select ${documents.id} from ${documents} where ${documents.slug} = ${filter.document})`,
    );
  }
  if (filter.state) conditions.push(eq(signatures.state, filter.state));
  if (filter.from) conditions.push(gte(signatures.createdAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) conditions.push(lt(signatures.createdAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS)));
  const q = filter.q?.trim();
  if (q) {
    if (byEmail && q.startsWith("@") && q.length > 1) {
      conditions.push(atDomain(q));
    } else {
      const matches = [containing(signatures.name, q), ...(byEmail ? [containing(signatures.email, q)] : [])];
      if (/^[A-Za-z]{2}$/.test(q) && isCountryCode(q.toUpperCase()))
        matches.push(eq(signatures.country, q.toUpperCase()));
      conditions.push(or(...matches)!);
    }
  }
  return conditions;
}

export function whereFilter(filter: SignatureFilter): SQL | undefined {
  return and(...signatureConditions(filter));
}
