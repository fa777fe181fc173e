import "server-only";
import type { LocalizedDocument } from "@/db/queries/documents";

/** The public JSON shape of a document (field names kept stable for integrations). */
export function documentJson(document: LocalizedDocument) {
  return {
    slug: document.slug,
    kind: document.kind,
    title: document.title,
    status: document.status,
    textVersion: document.currentVersion,
    goal: document.goal,
    signatureCount: document.signatureCount,
    updatedAt: document.updatedAt.toISOString(),
  };
}
