import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
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
  return getDb().insert(dossiers).values(values).returning().get();
}

export async function getDossier(id: number) {
  return getDb().select().from(dossiers).where(eq(dossiers.id, id)).get();
}

export async function listDossiers(documentId?: number) {
  return getDb()
    .select()
    .from(dossiers)
    .where(documentId ? eq(dossiers.documentId, documentId) : undefined)
    .orderBy(desc(dossiers.id))
    .all();
}

/** Finished dossiers of a document, newest first: what a delivery can record. */
export async function listReadyDossiers(documentId: number) {
  return getDb()
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.documentId, documentId), eq(dossiers.status, "ready")))
    .orderBy(desc(dossiers.id))
    .all();
}

export async function recordDossierProgress(id: number, done: number) {
  getDb().update(dossiers).set({ done }).where(eq(dossiers.id, id)).run();
}

export async function finishDossier(
  id: number,
  result: { sha256: string; bytes: number; pages: number; signatures: number },
) {
  getDb()
    .update(dossiers)
    .set({
      status: "ready",
      done: result.signatures,
      total: result.signatures,
      sha256: result.sha256,
      bytes: result.bytes,
      pages: result.pages,
      finishedAt: new Date(),
    })
    .where(eq(dossiers.id, id))
    .run();
}

export async function failDossier(id: number, error: string) {
  getDb().update(dossiers).set({ status: "failed", error, finishedAt: new Date() }).where(eq(dossiers.id, id)).run();
}

/** Dossiers left "generating" by a server that stopped: they will never finish, so they are marked failed. */
export async function failInterruptedDossiers() {
  return getDb()
    .update(dossiers)
    .set({
      status: "failed",
      error: "The server stopped while generating it.",
      finishedAt: sql`(cast(unixepoch('subsec') * 1000 as integer))`,
    })
    .where(eq(dossiers.status, "generating"))
    .run().changes;
}
