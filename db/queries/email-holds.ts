import { and, asc, count, eq, lte, max, type SQL } from "drizzle-orm";
import { getDb } from "@/db/index";
import { signatures } from "@/db/schema";

const heldForEmail = () => and(eq(signatures.state, "pending"), eq(signatures.reviewReason, "email-budget"));

/** Per document: how many signatures wait, unemailed, for an organiser's release, and the newest one's id. */
export async function countEmailBudgetHolds() {
  const rows = await getDb()
    .select({ documentId: signatures.documentId, waiting: count(), lastId: max(signatures.id) })
    .from(signatures)
    .where(heldForEmail())
    .groupBy(signatures.documentId);
  return new Map(rows.map((row) => [row.documentId, { waiting: row.waiting, lastId: row.lastId ?? 0 }]));
}

/** The held-for-email signatures an organiser saw (up to `upToId`), of one document or all. */
export async function listEmailBudgetHolds(criteria: { documentId?: number; upToId: number }) {
  const conditions: (SQL | undefined)[] = [heldForEmail(), lte(signatures.id, criteria.upToId)];
  if (criteria.documentId) conditions.push(eq(signatures.documentId, criteria.documentId));
  return getDb()
    .select({
      id: signatures.id,
      documentId: signatures.documentId,
      locale: signatures.locale,
      emailKey: signatures.emailKey,
    })
    .from(signatures)
    .where(and(...conditions))
    .orderBy(asc(signatures.id));
}
