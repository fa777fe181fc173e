import { and, desc, eq, lte } from "drizzle-orm";
import { first, getDb } from "@/db/index";
import { dossiers } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

export type Dossier = typeof dossiers.$inferSelect;

export async function createDossier(values: {
  documentId: number;
  locale: Locale;
  total: number;
  fileName: string;
  requestedBy: string;
}) {
  return getDb()
    .insert(dossiers)
    .values(values)
    .returning()
    .then(([row]) => row);
}

export async function getDossier(id: number) {
  return getDb().select().from(dossiers).where(eq(dossiers.id, id)).then(first);
}

export async function listDossiers(documentId?: number) {
  return getDb()
    .select()
    .from(dossiers)
    .where(documentId ? eq(dossiers.documentId, documentId) : undefined)
    .orderBy(desc(dossiers.id));
}

/** Finished dossiers of a document, newest first: what a delivery can record. */
export async function listReadyDossiers(documentId: number) {
  return getDb()
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.documentId, documentId), eq(dossiers.status, "ready")))
    .orderBy(desc(dossiers.id));
}

export async function recordDossierProgress(id: number, done: number) {
  await getDb().update(dossiers).set({ done }).where(eq(dossiers.id, id));
}

export async function finishDossier(
  id: number,
  result: {
    sha256: string;
    bytes: number;
    pages: number;
    signatures: number;
    missingGlyphs?: { count: number; names: string[] };
  },
) {
  await getDb()
    .update(dossiers)
    .set({
      status: "ready",
      done: result.signatures,
      total: result.signatures,
      sha256: result.sha256,
      bytes: result.bytes,
      pages: result.pages,
      missingGlyphs: result.missingGlyphs?.count ?? 0,
      missingGlyphNames: result.missingGlyphs?.names ?? [],
      finishedAt: new Date(),
    })
    .where(eq(dossiers.id, id));
}

export async function failDossier(id: number, error: string) {
  await getDb().update(dossiers).set({ status: "failed", error, finishedAt: new Date() }).where(eq(dossiers.id, id));
}

/**
 * Dossiers left "generating" by a server that stopped: they will never finish, so they are marked failed.
 * `startedBefore` spares the ones another live instance may still be writing.
 */
export async function failInterruptedDossiers(startedBefore: Date) {
  const failed = await getDb()
    .update(dossiers)
    .set({ status: "failed", error: "The server stopped while generating it.", finishedAt: new Date() })
    .where(and(eq(dossiers.status, "generating"), lte(dossiers.createdAt, startedBefore)))
    .returning({ id: dossiers.id });
  return failed.length;
}
