import type { Document } from "@/db/schema";

/** The public JSON shape of a document (field names kept stable for integrations). */
export function documentJson(document: Document) {
  return {
    slug: document.slug,
    kind: document.kind,
    title: document.title,
    status: document.status,
    goal: document.goal,
    signatureCount: document.signatureCount,
    updatedAt: document.updatedAt.toISOString(),
  };
}
