import type { RawQuery, Snapshot } from "@/db/snapshot";

// The export's rows as they leave the database, apart from the query that selects them (export.ts): this
// module is also loaded by the export's worker thread, which has no connection but its own snapshot.

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
 * The export query's rows, in batches of up to `batchSize`, from a snapshot opened when the first batch is
 * asked for and closed when the rows run out or the iterator is closed early (return()).
 */
export async function* readExportBatches(
  openSnapshot: () => Promise<Snapshot>,
  query: RawQuery,
  batchSize: number,
): AsyncGenerator<ExportRow[]> {
  const snapshot = await openSnapshot();
  try {
    for await (const batch of snapshot.batches(query, batchSize)) {
      yield (batch as RawExportRow[]).map(toExportRow);
    }
  } finally {
    await snapshot.close();
  }
}
