import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, openSnapshot } from "@/db/index";
import { eachRow } from "@/db/snapshot";
import { documents, documentTexts, signatures } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** One signature as the dossier prints it. */
export type DossierRow = {
  name: string;
  city: string | null;
  /** ISO 3166-1 alpha-2, printed as the country's name in the dossier's language. */
  country: string;
  /** When the signature was confirmed. */
  signedAt: Date | null;
  /** For co-signers of a letter, printed after the name: "Name — Role, Organisation". */
  role?: string | null;
  organisation?: string | null;
};

type DossierDocument = {
  title: string;
  addressee: string;
  body: string;
  authors: { name: string; description?: string }[];
};

/** What a dossier reads, all from one snapshot: the document, the count and the rows agree with each other. */
export type DossierSnapshot = {
  document: DossierDocument;
  total: number;
  rows: AsyncIterable<DossierRow>;
  /** Ends the read and closes its connection; safe to call twice. */
  close(): Promise<void>;
};

// Timestamps come as numbers from SQLite and as strings (bigint) from PostgreSQL.
type RawRow = [string, string | null, string, number | string | null, string | null, string | null];

const confirmedOf = (documentId: number) =>
  and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed"));

// Signing order: when each signature was confirmed, the id breaking ties. Hidden signers are included:
// they chose not to appear on the site, but they signed in order to be delivered.
function rowsQuery(documentId: number) {
  return getDb()
    .select({
      name: signatures.name,
      city: signatures.city,
      country: signatures.country,
      signedAt: signatures.confirmedAt,
      role: signatures.role,
      organisation: signatures.organisation,
    })
    .from(signatures)
    .where(confirmedOf(documentId))
    .orderBy(asc(signatures.confirmedAt), asc(signatures.id))
    .toSQL();
}

function countQuery(documentId: number) {
  return getDb().select({ total: count() }).from(signatures).where(confirmedOf(documentId)).toSQL();
}

// The current version's text in the dossier's language, or in English where it has no translation.
function documentQuery(documentId: number, locale: Locale) {
  return getDb()
    .select({
      title: documentTexts.title,
      addressee: documentTexts.addressee,
      body: documentTexts.body,
      authors: documentTexts.authors,
    })
    .from(documentTexts)
    .innerJoin(
      documents,
      and(eq(documents.id, documentTexts.documentId), eq(documents.currentVersion, documentTexts.version)),
    )
    .where(and(eq(documentTexts.documentId, documentId), inArray(documentTexts.locale, [locale, "en"])))
    .orderBy(desc(sql`${documentTexts.locale} = ${locale}`))
    .limit(1)
    .toSQL();
}

/**
 * Opens a snapshot (a read-only connection of its own, in one read transaction), so a long dossier neither
 * blocks people signing nor sees signatures confirmed while it is being written; rows come as they are read.
 * Returns null when the document does not exist. Call close() when done, also after an error.
 */
export async function openDossierSnapshot(documentId: number, locale: Locale = "en"): Promise<DossierSnapshot | null> {
  const snapshot = await openSnapshot();
  try {
    const documentRow = await snapshot.first(documentQuery(documentId, locale));
    if (!documentRow) {
      await snapshot.close();
      return null;
    }
    const [title, addressee, body, rawAuthors] = documentRow as [string, string, string, unknown];
    // JSON: text from SQLite, already parsed from PostgreSQL's jsonb.
    const authors = (
      typeof rawAuthors === "string" ? JSON.parse(rawAuthors) : (rawAuthors ?? [])
    ) as DossierDocument["authors"];
    const [total] = (await snapshot.first(countQuery(documentId))) as [number | string];
    const rows = async function* (): AsyncGenerator<DossierRow> {
      for await (const raw of eachRow(snapshot, rowsQuery(documentId))) {
        const [name, city, country, signedAt, role, organisation] = raw as RawRow;
        yield {
          name,
          city,
          country,
          signedAt: signedAt === null ? null : new Date(Number(signedAt)),
          role,
          organisation,
        };
      }
    };
    return {
      document: { title, addressee, body, authors },
      total: Number(total),
      rows: { [Symbol.asyncIterator]: rows },
      close: () => snapshot.close(),
    };
  } catch (error) {
    await snapshot.close();
    throw error;
  }
}
