import { and, desc, eq, ne } from "drizzle-orm";
import { getDb } from "../index";
import { delegations, documents, signatures, type DocumentKind } from "../schema";

export async function getDocumentBySlug(kind: DocumentKind, slug: string) {
  return getDb()
    .select()
    .from(documents)
    .where(and(eq(documents.kind, kind), eq(documents.slug, slug)))
    .get();
}

/** Documents the public may see: everything but drafts, petitions first. */
export async function listPublishedDocuments() {
  return getDb()
    .select()
    .from(documents)
    .where(ne(documents.status, "draft"))
    .orderBy(desc(documents.kind), documents.id)
    .all();
}

export async function listOpenDocuments() {
  return getDb().select().from(documents).where(eq(documents.status, "open")).orderBy(documents.id).all();
}

export async function getFeaturedDelegation() {
  return getDb().select().from(delegations).orderBy(delegations.id).limit(1).get();
}

/** The latest confirmed signers who agreed to be shown; hidden signers never leave the database here. */
export async function listRecentPublicSigners(documentId: number, limit = 10) {
  return getDb()
    .select({
      id: signatures.id,
      name: signatures.name,
      city: signatures.city,
      country: signatures.country,
      display: signatures.display,
      confirmedAt: signatures.confirmedAt,
    })
    .from(signatures)
    .where(
      and(
        eq(signatures.documentId, documentId),
        eq(signatures.state, "confirmed"),
        ne(signatures.display, "hidden"),
      ),
    )
    .orderBy(desc(signatures.confirmedAt))
    .limit(limit)
    .all();
}
