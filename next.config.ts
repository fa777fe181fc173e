import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import {
  CACHED_PAGE_CACHE_CONTROL,
  CACHED_PAGES_SOURCE,
  COUNT_CACHE_CONTROL,
  ENGLISH_CACHED_PAGES_SOURCE,
  PAGE_EXPIRE_SECONDS,
} from "@/lib/cached-pages";
import { prefersLanguagePattern } from "@/lib/i18n/first-visit";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-cookie";
import { locales } from "@/lib/i18n/locales";
import {
  cachedPagePolicy,
  currentDeployment,
  securityHeaders,
  TOKEN_IN_URL_SOURCE,
  TOKEN_PAGE_REFERRER_POLICY,
} from "@/lib/security/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// English pages keep their unprefixed addresses and are app/[locale] pages under the internal name "/en/…".
// A rewrite here (not in proxy.ts) keeps that internal name out of the response's headers.
const NOT_ENGLISH_PAGE = "(?!(?:ru|en|api|admin|sign-in|dev|og|_next)(?:/|$))(?!.*\\.[A-Za-z0-9]{1,12}$)";

// A form post always says its type; a page view never does. proxy.ts answers every request that has one.
const PAGE_VIEW = { type: "header", key: "content-type" } as const;

/** A first visit (no language cookie) to an English page from a browser that prefers `language`. */
const firstVisitFor = (language: string) => ({
  has: [{ type: "header" as const, key: "accept-language", value: prefersLanguagePattern(language) }],
  missing: [{ type: "cookie" as const, key: LANGUAGE_COOKIE }, PAGE_VIEW],
});
// English is the default language (i18n/routing.ts, which this file cannot load: it imports with "@/").
const otherLanguages = locales.filter((language) => language !== "en");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next hashes every page it sends for an ETag (about 1 ms of CPU for a 60 KB petition page, more than
  // the rest of serving it from the cache): a browser keeps no page (no max-age), and nginx or a CDN
  // refetches a whole 5-second-old page just as cheaply.
  generateEtags: false,
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
  // Every rule is matched against every request, and none has a named parameter (lib/cached-pages.ts
  // says why), so there is one rule per kind of page.
  async headers() {
    return [
      { source: "/(.*)", headers: securityHeaders(currentDeployment()) },
      // The cached pages' policy and shareable bounds (docs/caching-and-csp.md), for page views: form posts
      // to them go through proxy.ts, which gives them a nonce and Next's no-store. Next keeps a
      // Cache-Control it finds (it would send these bounds without "public").
      {
        source: CACHED_PAGES_SOURCE,
        missing: [PAGE_VIEW],
        headers: [
          { key: "Content-Security-Policy", value: cachedPagePolicy(currentDeployment()) },
          { key: "Cache-Control", value: CACHED_PAGE_CACHE_CONTROL },
        ],
      },
      // ...but not on a first visit from a browser that prefers another language: proxy.ts redirects it
      // (and sets the language cookie), and no shared cache may keep that redirect.
      ...otherLanguages.map((language) => ({
        source: ENGLISH_CACHED_PAGES_SOURCE,
        ...firstVisitFor(language),
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      })),
      // The count endpoint and the badge (revalidate 2 in their routes): Next's bounds, marked shareable.
      {
        source: "/((?:api|badge)/(?:petitions|letters)/[^/]+)",
        headers: [{ key: "Cache-Control", value: COUNT_CACHE_CONTROL }],
      },
      { source: TOKEN_IN_URL_SOURCE, headers: [{ key: "Referrer-Policy", value: TOKEN_PAGE_REFERRER_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
