import { and, eq } from "drizzle-orm";
import { first, getDb } from "@/db/index";
import { documentFaqs, type FaqItem } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";

/** The campaign's own questions in one language, or undefined (the page then shows the site's general ones). */
export async function getDocumentFaq(documentId: number, locale: Locale): Promise<FaqItem[] | undefined> {
  const row = await getDb()
    .select({ items: documentFaqs.items })
    .from(documentFaqs)
    .where(and(eq(documentFaqs.documentId, documentId), eq(documentFaqs.locale, locale)))
    .then(first);
  return row?.items;
}

/** Saves one language's questions; none at all goes back to the general ones. */
export async function saveDocumentFaq(documentId: number, locale: Locale, items: FaqItem[]) {
  const where = and(eq(documentFaqs.documentId, documentId), eq(documentFaqs.locale, locale));
  if (items.length === 0) {
    await getDb().delete(documentFaqs).where(where);
    return;
  }
  await getDb()
    .insert(documentFaqs)
    .values({ documentId, locale, items })
    .onConflictDoUpdate({
      target: [documentFaqs.documentId, documentFaqs.locale],
      set: { items, updatedAt: new Date() },
    });
}
