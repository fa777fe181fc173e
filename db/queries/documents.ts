import { and, desc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "../index";
import { prepared } from "../prepared";
import type { DocumentInput } from "@/lib/document-input";
import { delegations, documents, signatures, type DocumentKind } from "../schema";

export async function getDocumentBySlug(kind: DocumentKind, slug: string) {
  const query = prepared(getDb(), "documents.bySlug", (db) =>
    db
      .select()
      .from(documents)
      .where(and(eq(documents.kind, sql.placeholder("kind")), eq(documents.slug, sql.placeholder("slug"))))
      .prepare(),
  );
  return query.get({ kind, slug });
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

export async function listAllDocuments() {
  return getDb().select().from(documents).orderBy(documents.id).all();
}

/** Any document, of any kind or status, by its slug (slugs are unique across kinds). */
export async function findDocumentBySlug(slug: string) {
  return getDb().select().from(documents).where(eq(documents.slug, slug)).get();
}

/** Saves an organiser's edit and says which fields changed (for the audit log). */
export async function updateDocument(id: number, values: DocumentInput) {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(documents).where(eq(documents.id, id)).get();
      if (!before) return null;
      const changed = (Object.keys(values) as (keyof DocumentInput)[]).filter((key) => before[key] !== values[key]);
      if (changed.length > 0) {
        tx.update(documents).set({ ...values, updatedAt: new Date() }).where(eq(documents.id, id)).run();
      }
      return { before, changed };
    },
    { behavior: "immediate" },
  );
}
