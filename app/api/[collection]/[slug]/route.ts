import { documentJson } from "@/server/public/api-document";
import { findPublicDocument } from "@/server/public/public-documents";
import { findMovedDocument } from "@/server/public/public-pages";

// The count endpoint is cached like the pages (Next sends s-maxage and stale-while-revalidate).
export const revalidate = 2;
export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ collection: string; slug: string }> }) {
  const { collection, slug } = await params;
  const document = await findPublicDocument(collection, slug, "en");
  if (!document) {
    // Its slug changed: the count lives at the new address now.
    const moved = await findMovedDocument(collection, slug);
    if (moved) return new Response(null, { status: 308, headers: { Location: `/api${moved}` } });
    return Response.json({ error: "No such document." }, { status: 404 });
  }
  return Response.json(documentJson(document));
}
