import { getDocumentBySlug } from "@/db/queries/documents";
import { kindOfCollection } from "./collections";

/** The document at /{collection}/{slug} if the public may see it (drafts are not published). */
export async function findPublicDocument(collection: string, slug: string) {
  const kind = kindOfCollection(collection);
  if (!kind) return undefined;
  const document = await getDocumentBySlug(kind, slug);
  return document && document.status !== "draft" ? document : undefined;
}
