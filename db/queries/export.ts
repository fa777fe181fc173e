import Database from "better-sqlite3";
import { and, asc, eq, ne } from "drizzle-orm";
import type { SignatureFilter } from "./signature-search";
import { getDb } from "@/db/index";
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
};

type RawExportRow = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  number,
  string,
  number,
  number | null,
  string | null,
  string | null,
  number,
  string,
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
    updates: updates === 1,
    created: new Date(created),
    confirmed: confirmed === null ? null : new Date(confirmed),
  };
}

/**
 * The filtered signatures in signing order, one row at a time, so a million rows take no more memory than one.
 * They are read through a read-only connection of their own: while a statement is being iterated, its
 * connection refuses every write, and a slow download must not stop people signing. The single statement
 * also reads one consistent snapshot of the WAL database, however long the download takes.
 * Close the iterator early with return() (for-of does it on break) to release the connection.
 */
export function* iterateExportRows(filter: SignatureFilter): IterableIterator<ExportRow> {
  const query = exportQuery(filter).toSQL();
  const reader = new Database(getDb().$client.name, { readonly: true, fileMustExist: true });
  try {
    reader.pragma("busy_timeout = 5000");
    const rows = reader
      .prepare<unknown[], RawExportRow>(query.sql)
      .raw(true)
      .iterate(...query.params);
    for (const raw of rows) yield toExportRow(raw);
  } finally {
    reader.close();
  }
}
