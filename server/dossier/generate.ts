import "server-only";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { listDelegationsCarrying } from "@/db/queries/delegations";
import { openDossierSnapshot } from "@/db/queries/dossier";
import type { Locale } from "@/lib/i18n/locales";
import { renderDossier, type DossierResult } from "./render-dossier";

export type GenerateDossierOptions = {
  documentId: number;
  locale: Locale;
  /** Where the PDF goes; it appears there only once complete (written beside it, then renamed). */
  file: string;
  /** Pass the time recorded for an earlier run to regenerate it byte for byte from unchanged data. */
  generatedAt?: Date;
  onProgress?: (done: number, total: number) => void;
};

/** The delivery dossier of one document, from a consistent snapshot of its confirmed signatures, to a file. */
export async function generateDossier(options: GenerateDossierOptions): Promise<DossierResult> {
  const snapshot = await openDossierSnapshot(options.documentId, options.locale);
  if (!snapshot) throw new RangeError(`No document with id ${options.documentId}`);
  const partial = `${options.file}.partial`;
  try {
    const deliveredBy = await listDelegationsCarrying(options.documentId, options.locale);
    const result = await renderDossier(
      {
        cover: { ...snapshot.document, deliveredBy, generatedAt: options.generatedAt ?? new Date() },
        rows: snapshot.rows,
        total: snapshot.total,
        locale: options.locale,
        onProgress: options.onProgress,
      },
      createWriteStream(partial, { mode: 0o600 }),
    );
    await rename(partial, options.file);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await snapshot.close();
  }
}
