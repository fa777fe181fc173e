import { documentJson } from "@/lib/api-document";
import { findPublicDocument } from "@/lib/public-documents";

export async function GET(_request: Request, { params }: { params: Promise<{ collection: string; slug: string }> }) {
  const { collection, slug } = await params;
  const document = await findPublicDocument(collection, slug);
  if (!document) return Response.json({ error: "No such document." }, { status: 404 });
  return Response.json(documentJson(document), {
    headers: { "Cache-Control": "public, max-age=5, stale-while-revalidate=30" },
  });
}
