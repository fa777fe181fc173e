import { eq } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/index";
import { documentResponses, documents } from "@/db/schema";
import type { DocumentOutcome } from "@/lib/vocabulary";

export type ResponseInput = { respondedAt: Date; text: string; sourceUrl: string | null };

export async function getDocumentResponse(documentId: number) {
  return getDb().select().from(documentResponses).where(eq(documentResponses.documentId, documentId)).then(first);
}

/** Records (or replaces, or with null removes) the addressee's answer, and the campaign's outcome. */
export async function saveDocumentResponse(
  documentId: number,
  response: ResponseInput | null,
  outcome: DocumentOutcome | null,
) {
  await transaction(async (tx) => {
    if (response)
      await tx
        .insert(documentResponses)
        .values({ documentId, ...response })
        .onConflictDoUpdate({ target: documentResponses.documentId, set: { ...response, updatedAt: new Date() } });
    else await tx.delete(documentResponses).where(eq(documentResponses.documentId, documentId));
    await tx.update(documents).set({ outcome, updatedAt: new Date() }).where(eq(documents.id, documentId));
  });
}
