import { openApiDocument } from "@/server/partner-api/openapi";

// The same for everyone and every request: cacheable, and it needs no key.
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
