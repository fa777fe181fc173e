import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createDossier, failDossier, finishDossier, recordDossierProgress, type Dossier } from "@/db/queries/dossiers";
import type { Document } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { getConfig } from "@/lib/config";
import { generateDossier } from "@/server/dossier/generate";

/**
 * Dossier files live in DOSSIER_DIR (by default beside the database), one per generation; a recorded
 * delivery's file is never touched.
 */
function dossierDirectory(): string {
  const { DOSSIER_DIR, DATABASE_PATH } = getConfig();
  // A data directory set at run time: nothing for the build to trace into the server's files.
  return path.resolve(
    /* turbopackIgnore: true */ DOSSIER_DIR ?? path.join(path.dirname(path.resolve(DATABASE_PATH)), "dossiers"),
  );
}

export function dossierFile(dossier: Pick<Dossier, "fileName">): string {
  return path.join(dossierDirectory(), path.basename(dossier.fileName));
}

const PROGRESS_EVERY_MS = 500;

/**
 * Starts generating a document's dossier in the background and returns its row at once; the admin page
 * follows its progress. Generation runs in this server process, one page at a time, yielding between pages.
 */
export async function startDossier(document: Document, locale: Locale, requestedBy: string): Promise<Dossier> {
  await mkdir(dossierDirectory(), { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dossier = await createDossier({
    documentId: document.id,
    locale,
    total: document.signatureCount,
    fileName: `${document.slug}-${locale}-${stamp}.pdf`,
    requestedBy,
  });
  let reported = 0;
  void generateDossier({
    documentId: document.id,
    locale,
    file: dossierFile(dossier),
    generatedAt: dossier.createdAt,
    onProgress: (done) => {
      if (Date.now() - reported < PROGRESS_EVERY_MS) return;
      reported = Date.now();
      void recordDossierProgress(dossier.id, done);
    },
  }).then(
    (result) => finishDossier(dossier.id, result),
    (error: unknown) => failDossier(dossier.id, error instanceof Error ? error.message : String(error)),
  );
  return dossier;
}
