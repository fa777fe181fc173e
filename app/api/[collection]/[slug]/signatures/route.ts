import { isCrossSite } from "@/lib/cross-site";
import { readJsonBody } from "@/lib/json-body";
import { getDocumentBySlug } from "@/db/queries/documents";
import { kindOfCollection } from "@/lib/collections";
import { fieldErrors, signatureInputSchema } from "@/lib/signature-input";
import { signDocument } from "@/lib/signing";

type Context = { params: Promise<{ collection: string; slug: string }> };

const noStore = { "Cache-Control": "no-store" };

export async function POST(request: Request, { params }: Context) {
  // A page on another site could post a form here with the visitor's browser; this API is for programs.
  if (isCrossSite(request.headers)) {
    return Response.json(
      { error: "Signatures cannot be sent from another website. Sign on this site's own page." },
      { status: 403, headers: noStore },
    );
  }
  const { collection, slug } = await params;
  const kind = kindOfCollection(collection);
  const document = kind && (await getDocumentBySlug(kind, slug));
  if (!document) return Response.json({ error: "No such document." }, { status: 404, headers: noStore });
  if (document.status !== "open") {
    return Response.json({ error: `This ${document.kind} is not open for signatures.` }, { status: 409, headers: noStore });
  }

  const body = await readJsonBody(request);
  if (!body.ok) return Response.json({ error: body.error }, { status: body.status, headers: noStore });
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
    return Response.json({ error: "The body must be a JSON object." }, { status: 400, headers: noStore });
  }
  const parsed = signatureInputSchema.safeParse(body.value);
  if (!parsed.success) {
    return Response.json(
      { error: "Some fields are not valid.", fields: fieldErrors(parsed.error) },
      { status: 400, headers: noStore },
    );
  }
  if ((await signDocument(document, parsed.data)) === "not-open") {
    return Response.json({ error: `This ${document.kind} is not open for signatures.` }, { status: 409, headers: noStore });
  }
  return Response.json({ status: "pending" }, { status: 202, headers: noStore });
}
