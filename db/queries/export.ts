import { and, asc, eq, ne } from "drizzle-orm";
import type { SignatureFilter } from "./signature-search";
import { getDb, openSnapshot } from "@/db/index";
import { documents, signatures } from "@/db/schema";
import { whereFilter } from "./signature-search";

export type ExportRow = {
  document: string;
  name: string;
  email: string;
  country: string;
  city: string | null;
  comment: string | null;
  display: string;
  updates: boolean;
  state: string;
  created: Date;
  confirmed: Date | null;
  organisation: string | null;
  role: string | null;
  /** The version of the text the signer was shown, and the language they signed in. */
  textVersion: number;
  language: string;
  /** Where the signer came from (a link's ?source=, "embed:<site>"), if known. */
  source: string | null;
  /** "partner" when an API partner confirmed the address itself, "email" by the link, null while unconfirmed. */
  confirmedBy: string | null;
};

// As the drivers give them: SQLite's 0/1 and numbers, PostgreSQL's booleans and bigint strings.
type RawExportRow = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  number | boolean,
  string,
  number | string,
  number | string | null,
  string | null,
  string | null,
  number,
  string,
  string | null,
  string | null,
];

// Withdrawn signers took their names back: no filter can bring them into an export.
function exportWhere(filter: SignatureFilter) {
  return and(ne(signatures.state, "withdrawn"), whereFilter(filter));
}

function exportQuery(filter: SignatureFilter) {
  return getDb()
    .select({
      document: documents.slug,
      name: signatures.name,
      email: signatures.email,
      country: signatures.country,
      city: signatures.city,
      comment: signatures.comment,
      display: signatures.display,
      updates: signatures.updates,
      state: signatures.state,
      created: signatures.createdAt,
      confirmed: signatures.confirmedAt,
      organisation: signatures.organisation,
      role: signatures.role,
      textVersion: signatures.documentVersion,
      language: signatures.locale,
      source: signatures.source,
      confirmedBy: signatures.confirmedBy,
    })
    .from(signatures)
    .innerJoin(documents, eq(documents.id, signatures.documentId))
    .where(exportWhere(filter))
    .orderBy(asc(signatures.id));
}

function toExportRow(raw: RawExportRow): ExportRow {
  const [
    document,
    name,
    email,
    country,
    city,
    comment,
    display,
    updates,
    state,
    created,
    confirmed,
    organisation,
    role,
    textVersion,
    language,
    source,
    confirmedBy,
  ] = raw;
  return {
    document,
    name,
    email,
    country,
    city,
    comment,
    display,
    state,
    organisation,
    role,
    textVersion,
    language,
    source,
    confirmedBy,
    updates: updates === 1 || updates === true,
    created: new Date(Number(created)),
    confirmed: confirmed === null ? null : new Date(Number(confirmed)),
  };
}

/**
 * The filtered signatures in signing order, in batches of up to `batchSize` read only as they are asked for,
 * so a million rows take no more memory than a batch. They are read from a snapshot with a connection of
 * its own: a slow download must not stop people signing, and the whole download is one consistent view
 * however long it takes. Close the iterator early with return() (for-await does it on break) to release
 * the connection.
 */
export async function* iterateExportBatches(filter: SignatureFilter, batchSize: number): AsyncGenerator<ExportRow[]> {
  const snapshot = await openSnapshot();
  try {
    for await (const batch of snapshot.batches(exportQuery(filter).toSQL(), batchSize)) {
      yield (batch as RawExportRow[]).map(toExportRow);
    }
  } finally {
    await snapshot.close();
  }
}

/** The same rows one at a time. */
export async function* iterateExportRows(filter: SignatureFilter): AsyncGenerator<ExportRow> {
  for await (const batch of iterateExportBatches(filter, 500)) yield* batch;
}
