import { getSignatures, postSignature } from "@/server/partner-api/handlers";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return getSignatures(request, (await params).id);
}

export async function POST(request: Request, { params }: Context) {
  return postSignature(request, (await params).id);
}
