import { webOrigin } from "@/lib/security/embed-origins";

/**
 * Where a signature came from: a campaign link's `?source=` (a short label), "embed:<origin>" for the
 * embedded form on another site, or "api:<key prefix>" for a partner's API key. Anything else a form or
 * link sends is dropped (the signature is kept, without a source).
 */
const LABEL = /^[a-z0-9._-]{1,64}$/;
const EMBED_PREFIX = "embed";

export const SOURCE_FIELD = "source";

/** A source as sent by a form or link, or null if it is not one we keep. */
export function normaliseSource(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const source = value.trim().toLowerCase();
  if (LABEL.test(source)) return source;
  if (source.startsWith(`${EMBED_PREFIX}:`)) {
    const origin = webOrigin(source.slice(EMBED_PREFIX.length + 1));
    return origin !== null && `${EMBED_PREFIX}:${origin}` === source ? source : null;
  }
  return null;
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
