import { getEntryPoint } from "@/server/partner-api/handlers";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getEntryPoint(request);
