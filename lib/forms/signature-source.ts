import { webOrigin } from "@/lib/security/embed-origins";

/**
 * Where a signature came from: a campaign link's `?source=` (a short label), "embed:<origin>" for the
 * embedded form on another site, "api:<key prefix>" for a partner's API key, or, from the public JSON API,
 * the label the program sends ("api" if none). Anything else a form or link sends is dropped (the signature
 * is kept, without a source); the JSON API refuses it with a clear error.
 */
const isLabel = (source: string) => /^[a-z0-9._-]{1,64}$/.test(source);
const EMBED_PREFIX = "embed";

export const SOURCE_FIELD = "source";

/** A source as sent by a form or link, or null if it is not one we keep. */
export function normaliseSource(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const source = value.trim().toLowerCase();
  if (isLabel(source)) return source;
  if (source.startsWith(`${EMBED_PREFIX}:`)) {
    const origin = webOrigin(source.slice(EMBED_PREFIX.length + 1));
    return origin !== null && `${EMBED_PREFIX}:${origin}` === source ? source : null;
  }
  return null;
}

/** The source of a signature sent to the public JSON API by a program that names none. */
export const API_SOURCE = "api";

export const SOURCE_RULE = "Use 1 to 64 of a–z, 0–9, dot, underscore and hyphen.";

/** A label a program sends as its source (the JSON API), normalised; null if it is not one. */
export function sourceLabel(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const source = value.trim().toLowerCase();
  return isLabel(source) ? source : null;
}

/** The source of a signature made through an embed on the page at `origin` (if known). */
export function embedSource(origin: string | null): string {
  return origin ? `${EMBED_PREFIX}:${origin}` : EMBED_PREFIX;
}

/** The source of a signature a partner sent with its API key: the key's prefix, as the admin lists keys. */
export function apiSource(keyPrefix: string): string {
  return `api:${keyPrefix}`;
}

/** The `?source=` of an address (a page's URL, or a Referer), normalised; null when absent or invalid. */
export function sourceInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return normaliseSource(new URL(url).searchParams.get(SOURCE_FIELD));
  } catch {
    return null;
  }
}
