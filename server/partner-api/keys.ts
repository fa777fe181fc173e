import "server-only";
import { randomBytes } from "node:crypto";
import { countApiKeyRequest, findApiKeyByHash, insertApiKey, touchApiKey } from "@/db/queries/api-keys";
import { hashToken } from "@/lib/security/tokens";
import type { ApiScope } from "@/lib/vocabulary";
import { apiError } from "./responses";

const KEY_PATTERN = /^dlg_[A-Za-z0-9_-]{43}$/;
/** "dlg_" and the first eight random characters: enough to tell keys apart on the admin page, useless to guess with. */
const PREFIX_LENGTH = 12;

/** Makes a key: the full key is returned to be shown once; only its SHA-256 and prefix are stored. */
export async function createApiKey(fields: {
  name: string;
  scopes: ApiScope[];
  requestsPerMinute: number;
  createdBy: string;
}) {
  const key = `dlg_${randomBytes(32).toString("base64url")}`;
  const record = await insertApiKey({ ...fields, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashToken(key) });
  return { key, record };
}

/** The key a request presents: `Authorization: Bearer dlg_…`, or OSDI's `OSDI-API-Token: dlg_…`. */
function presentedKey(headers: Headers): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];
  return bearer ?? headers.get("osdi-api-token")?.trim() ?? null;
}

/**
 * The key behind a request, if it may do what `scope` names (null: any valid key), counted against its
 * rate limit; otherwise the response to send: 401 without a valid key (a revoked one included), 403
 * outside its scopes, 429 over its requests per minute.
 */
export async function authorizeApiRequest(headers: Headers, scope: ApiScope | readonly ApiScope[] | null) {
  const presented = presentedKey(headers);
  if (!presented || !KEY_PATTERN.test(presented)) {
    return apiError(401, "Send an API key: Authorization: Bearer dlg_… (or the OSDI-API-Token header).", {
      "WWW-Authenticate": 'Bearer realm="api"',
    });
  }
  const key = await findApiKeyByHash(hashToken(presented));
  if (!key || key.revokedAt) {
    return apiError(401, "This API key is unknown or was revoked.", {
      "WWW-Authenticate": 'Bearer error="invalid_token"',
    });
  }
  const needed = scope === null ? [] : typeof scope === "string" ? [scope] : scope;
  if (needed.length > 0 && !needed.some((one) => key.scopes.includes(one))) {
    return apiError(403, `This API key may not do this: it needs the scope ${needed.join(" or ")}.`);
  }
  const now = Date.now();
  const requests = await countApiKeyRequest(key.id, now);
  if (requests > key.requestsPerMinute) {
    const retryAfter = String(60 - Math.floor((now % 60_000) / 1000));
    return apiError(429, `This API key is limited to ${key.requestsPerMinute} requests a minute.`, {
      "Retry-After": retryAfter,
    });
  }
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= 60_000) await touchApiKey(key.id, new Date(now));
  return key;
}
