import { findPublicDocument } from "@/server/public/public-documents";
import { issueFormStamp } from "@/server/signing/form-stamps";

// A fresh, single-use stamp for a document's signing form, fetched by the form when it is first used: the
// page itself is cached, so it cannot carry one.
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ collection: string; slug: string }> }) {
  const { collection, slug } = await params;
  const document = await findPublicDocument(collection, slug, "en");
  if (!document || document.status !== "open") {
    return Response.json({ error: "No open document here." }, { status: 404, headers: noStore });
  }
  return Response.json({ stamp: await issueFormStamp(document.id) }, { headers: noStore });
}
