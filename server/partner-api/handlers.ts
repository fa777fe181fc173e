import "server-only";
import { z } from "zod";
import { listConfirmedSignaturesPage } from "@/db/queries/api-keys";
import { recordAudit } from "@/db/queries/audit";
import { getLocalizedDocument, listPublishedDocuments } from "@/db/queries/documents";
import type { ApiKey } from "@/db/schema";
import { readJsonBody } from "@/lib/security/json-body";
import { authorizeApiRequest } from "./keys";
import { recordSignatureFromPartner } from "./record-signature";
import {
  collectionPage,
  DEFAULT_PER_PAGE,
  entryPoint,
  MAX_PER_PAGE,
  petitionResource,
  signatureResource,
} from "./resources";
import { apiError, halResponse } from "./responses";

// The /api/v1 route handlers' bodies: each checks the key and its scope first, then answers in HAL.

const pagingSchema = z.object({
  page: z.coerce
    .number("page must be a whole number from 1.")
    .int("page must be a whole number from 1.")
    .min(1, "page must be a whole number from 1.")
    .default(1),
  per_page: z.coerce
    .number(`per_page must be a whole number from 1 to ${MAX_PER_PAGE}.`)
    .int(`per_page must be a whole number from 1 to ${MAX_PER_PAGE}.`)
    .min(1, `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.`)
    .max(MAX_PER_PAGE, `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.`)
    .default(DEFAULT_PER_PAGE),
});

function paging(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = pagingSchema.safeParse({
    page: params.get("page") ?? undefined,
    per_page: params.get("per_page") ?? undefined,
  });
  if (parsed.success) return { page: parsed.data.page, perPage: parsed.data.per_page };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
  return apiError(400, "The paging parameters are not valid.", {}, fields);
}

/** A published document (petition or letter: slugs are unique across both), never a draft. */
async function findPetition(slug: string) {
  const document =
    (await getLocalizedDocument("petition", slug, "en")) ?? (await getLocalizedDocument("letter", slug, "en"));
  return document && document.status !== "draft" ? document : null;
}

const noPetition = () => apiError(404, "No such petition.");

/** Who did it, for the audit log: the key's visible prefix and its name. */
const auditActor = (key: ApiKey) => `api-key:${key.prefix}`;

export async function getEntryPoint(request: Request) {
  const key = await authorizeApiRequest(request.headers, null);
  return key instanceof Response ? key : halResponse(entryPoint());
}

export async function getPetitions(request: Request) {
  const key = await authorizeApiRequest(request.headers, "counts:read");
  if (key instanceof Response) return key;
  const page = paging(request);
  if (page instanceof Response) return page;
  const all = await listPublishedDocuments("en");
  const items = all.slice((page.page - 1) * page.perPage, page.page * page.perPage).map(petitionResource);
  return halResponse(collectionPage("osdi:petitions", "/petitions", items, { ...page, total: all.length }));
}

export async function getPetition(request: Request, slug: string) {
  const key = await authorizeApiRequest(request.headers, "counts:read");
  if (key instanceof Response) return key;
  const document = await findPetition(slug);
  return document ? halResponse(petitionResource(document)) : noPetition();
}

/** The confirmed signatures, for a key with "signatures:read"; each request is audited (it reads personal data). */
export async function getSignatures(request: Request, slug: string) {
  const key = await authorizeApiRequest(request.headers, "signatures:read");
  if (key instanceof Response) return key;
  const page = paging(request);
  if (page instanceof Response) return page;
  const document = await findPetition(slug);
  if (!document) return noPetition();
  const { total, rows } = await listConfirmedSignaturesPage(document.id, page.page, page.perPage);
  await recordAudit({
    actor: auditActor(key),
    action: "api.signatures-read",
    targetType: "document",
    targetId: document.slug,
    details: { key: key.name, page: page.page, perPage: page.perPage, returned: rows.length },
  });
  const items = rows.map((row) => signatureResource(row, document.slug));
  return halResponse(
    collectionPage("osdi:signatures", `/petitions/${document.slug}/signatures`, items, { ...page, total }),
  );
}

/** The record-signature helper, for a key with "signatures:write" or "signatures:write-confirmed"; audited. */
export async function postSignature(request: Request, slug: string) {
  const key = await authorizeApiRequest(request.headers, ["signatures:write", "signatures:write-confirmed"]);
  if (key instanceof Response) return key;
  const document = await findPetition(slug);
  if (!document) return noPetition();
  const body = await readJsonBody(request);
  if (!body.ok) return apiError(body.status, body.error);
  const result = await recordSignatureFromPartner(key, document.slug, body.value);
  if (!result.ok) return apiError(result.status, result.error, {}, result.fields);
  // No address in the audit: which key recorded what, on which document, and how it was confirmed.
  await recordAudit({
    actor: auditActor(key),
    action: "api.signature-record",
    targetType: "document",
    targetId: document.slug,
    details: { key: key.name, status: result.status },
  });
  return halResponse({ "delegation:status": result.status }, result.status === "pending" ? 202 : 200);
}
