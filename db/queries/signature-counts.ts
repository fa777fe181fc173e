import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { documents, signatures } from "@/db/schema";

/** Confirmed rows per document, recounted from scratch, for checking the kept counters. */
export async function recountConfirmed(db: Executor = getDb()) {
  return db
    .select({
      documentId: documents.id,
      slug: documents.slug,
      kept: documents.signatureCount,
      // Written out with table names: inside a subquery Drizzle leaves columns unqualified.
      actual:
        sql<number>`(select count(*) from "signatures" where "signatures"."document_id" = "documents"."id" and "signatures"."state" = 'confirmed')`.mapWith(
          Number,
        ),
    })
    .from(documents);
}

/** A document's confirmed signatures counted by country (ISO code), most first. */
export async function countConfirmedByCountry(documentId: number): Promise<{ country: string; signatures: number }[]> {
  return getDb()
    .select({ country: signatures.country, signatures: count() })
    .from(signatures)
    .where(and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed")))
    .groupBy(signatures.country)
    .orderBy(desc(count()), signatures.country);
}

/** How many of a document's signatures were confirmed, and still count, since the given moment. */
export async function countConfirmedSince(documentId: number, since: Date): Promise<number> {
  const [row] = await getDb()
    .select({ confirmed: count() })
    .from(signatures)
    .where(
      and(eq(signatures.documentId, documentId), eq(signatures.state, "confirmed"), gte(signatures.confirmedAt, since)),
    );
  return row?.confirmed ?? 0;
}
