/**
 * Whether a browser sent this request from another site. Browsers name the page a POST comes from in
 * `Origin` (an opaque "null" counts as foreign); without one, `Sec-Fetch-Site` still tells. A request
 * with neither comes from a program, not from a browser that could carry someone's cookies.
 */
export function isCrossSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "cross-site";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
