/** Where the app runs: decided at build for next.config's headers, and per request in the proxy. */
export type Deployment = { production: boolean; development: boolean; appUrl: string };

export function currentDeployment(): Deployment {
  return {
    production: process.env.NODE_ENV === "production",
    development: process.env.NODE_ENV === "development",
    appUrl: process.env.APP_URL ?? "",
  };
}

/** HSTS pins the host to HTTPS for a year, so only a production site served over HTTPS sends it. */
export function strictTransportSecurity(deployment: Deployment): string | null {
  return deployment.production && deployment.appUrl.startsWith("https://")
    ? "max-age=31536000; includeSubDomains"
    : null;
}

/**
 * Scripts run only from this origin, and inline ones only with this response's nonce (Next puts it on
 * its own scripts); without a nonce no inline script runs at all. Style attributes stay allowed: React
 * renders some, emails previewed in a srcdoc frame are full of them, and unlike an injected <style>
 * element they cannot select and leak attribute values such as a hidden token.
 */
export function contentSecurityPolicy(deployment: Deployment, nonce?: string): string {
  // React's development build rebuilds server error stacks with eval; production never needs it.
  const evalInDev = deployment.development ? " 'unsafe-eval'" : "";
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  // The dev overlay injects styles without a nonce.
  const styles = deployment.development ? "'self' 'unsafe-inline'" : nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${evalInDev}`,
    `style-src ${styles}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The cached public pages' policy: the same page goes to every reader, so it cannot carry a per-response
 * nonce, and Next's inline scripts (its bootstrap and the page's data, which changes with every count)
 * cannot be listed by hash in a header fixed before the page is rendered. Inline <script> elements may
 * run; scripts from elsewhere, inline event handlers (script-src-attr), plugins, <base> and framing may
 * not. What keeps readers' text from becoming a script is React's escaping and Markdown without raw HTML;
 * the residual risk is written in docs/security.md.
 */
export function cachedPagePolicy(deployment: Deployment): string {
  return contentSecurityPolicy(deployment)
    .replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'")
    .replace("style-src-attr", "script-src-attr 'none'; style-src-attr");
}

/**
 * A policy with other `frame-ancestors` sources: only the embed pages get any (their campaign's
 * allow-list, see lib/security/embed-origins.ts); every other page keeps 'none'.
 */
export function withFrameAncestors(policy: string, sources: string): string {
  return policy.replace("frame-ancestors 'none'", `frame-ancestors ${sources}`);
}

/** The headers every response carries; the proxy replaces the CSP with a nonce'd one on pages. */
export function securityHeaders(deployment: Deployment): { key: string; value: string }[] {
  const hsts = strictTransportSecurity(deployment);
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(deployment) },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    ...(hsts ? [{ key: "Strict-Transport-Security", value: hsts }] : []),
  ];
}

/**
 * Pages whose URL holds a token send no referrer to any other site. Not "no-referrer": under it a browser
 * sends the page's own form posts with `Origin: null`, which the cross-site check rightly refuses.
 * One next.config `source` with unnamed groups only (lib/cached-pages.ts says why): the confirm, manage
 * and unsubscribe pages in any language, the thank-you pages, one-click unsubscribe and Auth.js's callback.
 */
export const TOKEN_IN_URL_SOURCE =
  "/((?:[^/]+/)?(?:confirm|signature|unsubscribe)(?:/.*)?|(?:[^/]+/)?[^/]+/[^/]+/thanks|api/(?:unsubscribe|auth/callback)(?:/.*)?)";
export const TOKEN_PAGE_REFERRER_POLICY = "same-origin";
