import { databaseAnswers } from "@/db/queries/health";
import { isDraining } from "@/server/jobs/draining";

// Readiness for load balancers: unlike /api/health (liveness), it asks the database and turns 503 as soon as
// the process starts shutting down, so that no new requests are sent here.
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const notReady = (reason: "draining" | "database") =>
  Response.json({ ready: false, reason }, { status: 503, headers: noStore });

export async function GET() {
  if (isDraining()) return notReady("draining");
  if (!(await databaseAnswers())) return notReady("database");
  return Response.json({ ready: true }, { headers: noStore });
}
