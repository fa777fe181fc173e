import { getPetition } from "@/server/partner-api/handlers";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return getPetition(request, (await params).id);
}
