import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { getDossier } from "@/db/queries/dossiers";
import { recordAudit } from "@/db/queries/audit";
import { adminOrUnauthorized } from "@/server/auth/auth-guard";
import { dossierFile } from "@/server/jobs/dossier-jobs";

/** Streams a finished dossier's PDF to an organiser; every download is audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await adminOrUnauthorized();
  if (admin instanceof Response) return admin;
  const id = Number((await params).id);
  const dossier = Number.isSafeInteger(id) && id > 0 ? await getDossier(id) : undefined;
  if (!dossier || dossier.status !== "ready")
    return Response.json({ error: "No such finished dossier." }, { status: 404 });
  const file = dossierFile(dossier);
  const size = await stat(file).then(
    (info) => info.size,
    () => null,
  );
  if (size === null) return Response.json({ error: "The dossier's file is missing." }, { status: 410 });
  const headers = {
    "content-type": "application/pdf",
    "content-length": String(size),
    "content-disposition": `attachment; filename="${dossier.fileName}"`,
    "cache-control": "private, no-store, no-transform",
    "x-content-sha256": dossier.sha256 ?? "",
  };
  // Next answers HEAD with this handler and drops the body unread: no file opened, and no download audited.
  if (request.method === "HEAD") return new Response(null, { headers });
  await recordAudit({ actor: admin.email, action: "dossier.download", targetType: "dossier", targetId: dossier.id });
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, { headers });
}
