/**
 * The origins that may frame a campaign's embed pages, as organisers write them ("https://example.org",
 * one per line or separated by spaces or commas) and as the `frame-ancestors` directive takes them.
 */

const MAX_ORIGINS = 20;

/** "https://Example.org:8443/any/path" → "https://example.org:8443"; anything but an http(s) origin → null. */
export function webOrigin(value: string | null | undefined): string | null {
  if (!value || value.length > 300) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password || !url.hostname) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export type OriginListResult = { ok: true; origins: string[] } | { ok: false; invalid: string[] };

/**
 * An organiser's allow-list: each entry must be an origin alone (scheme, host, optional port); a path,
 * query or anything else is refused, so that nothing they type can change the policy's meaning.
 */
export function parseOriginList(text: string): OriginListResult {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  const invalid = entries.filter((entry) => {
    const origin = webOrigin(entry);
    return origin === null || origin !== entry.toLowerCase().replace(/\/$/, "");
  });
  if (invalid.length > 0) return { ok: false, invalid };
  if (entries.length > MAX_ORIGINS) return { ok: false, invalid: entries.slice(MAX_ORIGINS) };
  return { ok: true, origins: [...new Set(entries.map((entry) => webOrigin(entry)!))] };
}

/** The stored column (space-separated origins, or null for "any site") as a list. */
export function storedOrigins(stored: string | null): string[] {
  return (stored ?? "")
    .split(" ")
    .map((entry) => webOrigin(entry))
    .filter((origin): origin is string => origin !== null);
}

/**
 * The `frame-ancestors` sources for a campaign's embed pages: any web page when it has no allow-list,
 * else this site and the listed origins. `'none'` for an unknown campaign.
 */
export function embedFrameAncestors(stored: string | null | undefined): string {
  if (stored === undefined) return "'none'";
  const origins = storedOrigins(stored);
  return origins.length === 0 ? "http: https:" : ["'self'", ...origins].join(" ");
}
