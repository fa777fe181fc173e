// Liveness for load balancers and monitors: answers without touching the database. The benchmark also
// uses it as the framework's own floor for a dynamic route.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
