import { and, eq, isNotNull, lte } from "drizzle-orm";
import { lockForTransaction } from "@/db/dialect";
import { first, getDb, transaction, type Executor } from "@/db/index";
import { auditLog, documents, documentSlugs, documentTexts, type Document } from "@/db/schema";
import { queueClosedEvent } from "./documents";
import type { Locale } from "@/lib/i18n/locales";
import type { DocumentKind } from "@/lib/vocabulary";
import type { TextFields } from "./documents";

// Organisers' campaigns: creating them, their addresses (slug and its history) and their schedule.

export type NewDocument = {
  kind: DocumentKind;
  slug: string;
  goal: number;
  languages: Locale[];
  closesAt: Date | null;
  /** The English text: every other language falls back to it. */
  text: TextFields;
};

/** Taken by a document now, or once (an old address keeps redirecting to its document). */
async function slugOwner(db: Executor, slug: string): Promise<number | undefined> {
  const current = await db.select({ id: documents.id }).from(documents).where(eq(documents.slug, slug)).then(first);
  if (current) return current.id;
  const old = await db
    .select({ id: documentSlugs.documentId })
    .from(documentSlugs)
    .where(eq(documentSlugs.slug, slug))
    .then(first);
  return old?.id;
}

// Slug changes and creations wait for each other on PostgreSQL (SQLite runs one writer anyway), so two
// organisers cannot both take an address.
const SLUG_LOCK = "document-slugs";

/** A new document, as a draft with its English text; null when its slug is, or was, another document's. */
export async function createDocument(input: NewDocument): Promise<Document | null> {
  return transaction(async (tx) => {
    await lockForTransaction(tx, SLUG_LOCK);
    if ((await slugOwner(tx, input.slug)) !== undefined) return null;
    const [document] = await tx
      .insert(documents)
      .values({
        slug: input.slug,
        kind: input.kind,
        goal: input.goal,
        languages: input.languages,
        closesAt: input.closesAt,
        status: "draft",
      })
      .returning();
    await tx.insert(documentTexts).values({ documentId: document.id, version: 1, locale: "en", ...input.text });
    return document;
  });
}

export type SlugChange = { status: "unchanged" | "changed"; from: string } | { status: "taken" } | null;

/**
 * Moves a document to a new slug; its old one goes into the history and keeps answering (a redirect).
 * Moving back to one of its own old slugs takes that slug out of the history.
 */
export async function changeDocumentSlug(id: number, slug: string): Promise<SlugChange> {
  return transaction(async (tx) => {
    await lockForTransaction(tx, SLUG_LOCK);
    const document = await tx.select().from(documents).where(eq(documents.id, id)).then(first);
    if (!document) return null;
    if (document.slug === slug) return { status: "unchanged", from: slug };
    const owner = await slugOwner(tx, slug);
    if (owner !== undefined && owner !== id) return { status: "taken" };
    await tx.delete(documentSlugs).where(eq(documentSlugs.slug, slug));
    await tx.insert(documentSlugs).values({ slug: document.slug, documentId: id }).onConflictDoNothing();
    await tx.update(documents).set({ slug, updatedAt: new Date() }).where(eq(documents.id, id));
    return { status: "changed", from: document.slug };
  });
}

/** The document an old slug belonged to (its current slug and kind), if any. */
export async function findDocumentByOldSlug(slug: string) {
  return getDb()
    .select({ id: documents.id, slug: documents.slug, kind: documents.kind, status: documents.status })
    .from(documentSlugs)
    .innerJoin(documents, eq(documents.id, documentSlugs.documentId))
    .where(eq(documentSlugs.slug, slug))
    .then(first);
}

export async function listOldSlugs(documentId: number) {
  const rows = await getDb()
    .select({ slug: documentSlugs.slug })
    .from(documentSlugs)
    .where(eq(documentSlugs.documentId, documentId))
    .orderBy(documentSlugs.createdAt);
  return rows.map((row) => row.slug);
}

export type DocumentSchedule = { languages: Locale[]; closesAt: Date | null };

export async function updateDocumentSchedule(id: number, schedule: DocumentSchedule) {
  await getDb()
    .update(documents)
    .set({ ...schedule, updatedAt: new Date() })
    .where(eq(documents.id, id));
}

/**
 * Closes every open document whose closing date has come, each with its audit entry, and returns them.
 * One statement moves each row from open to closed, so with several instances each is closed once.
 */
export async function closeDueDocuments(now = new Date()) {
  return transaction(async (tx) => {
    const closed = await tx
      .update(documents)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(and(eq(documents.status, "open"), isNotNull(documents.closesAt), lte(documents.closesAt, now)))
      .returning({ id: documents.id, slug: documents.slug, kind: documents.kind, closesAt: documents.closesAt });
    for (const document of closed) await queueClosedEvent(tx, document, now);
    if (closed.length > 0)
      await tx.insert(auditLog).values(
        closed.map((document) => ({
          actor: "system",
          action: "document.close-scheduled",
          targetType: "document",
          targetId: document.slug,
          details: { closesAt: document.closesAt?.toISOString() },
        })),
      );
    return closed;
  });
}
