import "server-only";

const HAL = "application/hal+json";

const noStore = { "Cache-Control": "no-store" };

/** A HAL resource; never cached: what a key may read is the key's business. */
export function halResponse(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...noStore, "Content-Type": HAL } });
}

/** Every refusal has one shape: { error, fields? } with a sentence a developer can act on. */
export function apiError(
  status: number,
  error: string,
  headers: Record<string, string> = {},
  fields?: Record<string, string>,
): Response {
  return Response.json(fields ? { error, fields } : { error }, { status, headers: { ...noStore, ...headers } });
}
