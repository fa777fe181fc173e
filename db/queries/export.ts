import { and, asc, eq, ne } from "drizzle-orm";
import type { SignatureFilter } from "./signature-search";
import { getDb, openSnapshot, snapshotSource } from "@/db/index";
import type { RawQuery, SnapshotSource } from "@/db/snapshot";
import { documents, signatures } from "@/db/schema";
import { readExportBatches, type ExportRow } from "./export-rows";
import { whereFilter } from "./signature-search";

export type { ExportRow } from "./export-rows";

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

/**
 * The filtered signatures in signing order, in batches of up to `batchSize` read only as they are asked for,
 * so a million rows take no more memory than a batch. They are read from a snapshot with a connection of
 * its own: a slow download must not stop people signing, and the whole download is one consistent view
 * however long it takes. Close the iterator early with return() (for-await does it on break) to release
 * the connection.
 */
export async function* iterateExportBatches(filter: SignatureFilter, batchSize: number): AsyncGenerator<ExportRow[]> {
  yield* readExportBatches(openSnapshot, exportQuery(filter).toSQL(), batchSize);
}

/** What another thread needs to read the export itself: where to open a snapshot, and the query to run on it. */
export type ExportPlan = { source: SnapshotSource; query: RawQuery };

export async function planExport(filter: SignatureFilter): Promise<ExportPlan> {
  return { source: await snapshotSource(), query: exportQuery(filter).toSQL() };
}

/** The same rows one at a time. */
export async function* iterateExportRows(filter: SignatureFilter): AsyncGenerator<ExportRow> {
  for await (const batch of iterateExportBatches(filter, 500)) yield* batch;
}
