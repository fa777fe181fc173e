import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { COUNT_CACHE_CONTROL, PAGE_EXPIRE_SECONDS } from "@/lib/cached-pages";
import {
  currentDeployment,
  securityHeaders,
  TOKEN_IN_URL_PATHS,
  TOKEN_PAGE_REFERRER_POLICY,
} from "@/lib/security/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// English pages keep their unprefixed addresses and are app/[locale] pages under the internal name "/en/…".
// A rewrite here (not in proxy.ts) keeps that internal name out of the response's headers.
const NOT_ENGLISH_PAGE = "(?!(?:ru|en|api|admin|sign-in|dev|og|_next)(?:/|$))(?!.*\\.[A-Za-z0-9]{1,12}$)";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
  // The dev server logs request paths: confirmation, private and sign-in links carry a token in theirs.
  logging: { incomingRequests: { ignore: [/\/confirm\//, /\/signature\//, /\/unsubscribe\//, /\/api\/auth\//] } },
  // Pages and the count endpoint are cached in this process's memory only (cache-handler.mjs): nothing is
  // written under .next/ at run time, and nothing survives a restart onto another database.
  cacheHandler: require.resolve("./cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // The longest a cached page is served stale; also the CDN's bound (stale-while-revalidate).
  expireTime: PAGE_EXPIRE_SECONDS,
  experimental: {
    serverActions: { bodySizeLimit: "256kb" }, // with proxy.ts refusing larger bodies first,
    // Each section has its own root layout (the public site's <html lang> comes from its address).
    globalNotFound: true,
  },
  async rewrites() {
    return [
      { source: "/", destination: "/en" },
      { source: `/:path(${NOT_ENGLISH_PAGE}.+)`, destination: "/en/:path" },
    ];
  },
  // Every response, static files and errors included; `next build` fixes these (HSTS follows the
  // APP_URL of the build here, and of the running server on pages, where proxy.ts sets it again).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders(currentDeployment()) },
      // The count endpoint and the badge (revalidate 2 in their routes): Next's bounds, marked shareable.
      ...["/api/:collection(petitions|letters)/:slug", "/badge/:collection(petitions|letters)/:file"].map((source) => ({
        source,
        headers: [{ key: "Cache-Control", value: COUNT_CACHE_CONTROL }],
      })),
      ...TOKEN_IN_URL_PATHS.map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: TOKEN_PAGE_REFERRER_POLICY }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
