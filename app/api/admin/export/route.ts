import { findDocumentBySlug } from "@/db/queries/documents";
import { recordAudit } from "@/db/queries/audit";
import { adminOrUnauthorized } from "@/server/auth/auth-guard";
import { isCrossSite } from "@/lib/security/cross-site";
import { exportContentTypes, exportFileName, parseExportFormat } from "@/server/export/export-stream";
import { exportInWorker } from "@/server/export/worker-export";
import { parseSignatureFilter } from "@/server/admin/inputs/signature-filters";
import { withoutPersonalTerms } from "@/server/admin/audit-details";

// no-transform keeps Next from gzipping the stream: that cost a quarter of the export's speed and adds a
// buffer of its own between the database and the client. Exports are sent as they are read.
const noStore = { "Cache-Control": "no-store, no-transform" };

export async function GET(request: Request) {
  const admin = await adminOrUnauthorized();
  if (admin instanceof Response) return admin;
  // A link on another site must not start an export in an organiser's browser.
  if (isCrossSite(request.headers)) {
    return Response.json({ error: "Start exports from the organisers' pages." }, { status: 403, headers: noStore });
  }

  const url = new URL(request.url);
  const format = parseExportFormat(url.searchParams.get("format"));
  if (!format) return Response.json({ error: "Export as csv or ndjson." }, { status: 400, headers: noStore });
  const parsed = parseSignatureFilter(url.searchParams);
  if (!parsed.ok) {
    return Response.json(
      { error: "Some filters are not valid.", fields: parsed.errors },
      { status: 400, headers: noStore },
    );
  }
  const { filter } = parsed;
  if (filter.document && !(await findDocumentBySlug(filter.document))) {
    return Response.json(
      { error: "Some filters are not valid.", fields: { document: "Unknown document." } },
      { status: 400, headers: noStore },
    );
  }

  const headers = {
    ...noStore,
    "Content-Type": exportContentTypes[format],
    "Content-Disposition": `attachment; filename="${exportFileName(filter, format)}"`,
    "X-Content-Type-Options": "nosniff",
  };
  // Next answers HEAD with this handler and drops the body unread: an export started for it would never end.
  if (request.method === "HEAD") return new Response(null, { headers });
  const body = await exportInWorker(filter, format, (rowCount, completed) =>
    recordAudit({
      actor: admin.email,
      action: "signatures.export",
      details: { format, filter: withoutPersonalTerms(filter), rows: rowCount, completed },
    }),
  );
  if (body === "busy") {
    return Response.json(
      { error: "Other exports are running. Try again when one of them has finished." },
      { status: 429, headers: { ...noStore, "Retry-After": "30" } },
    );
  }
  return new Response(body, { headers });
}
