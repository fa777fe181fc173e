import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/i18n/routing";
import { CACHED_PAGE_CACHE_CONTROL, COUNT_CACHE_CONTROL, embedPageOf, isCachedPublicPage } from "@/lib/cached-pages";
import { preferredLanguage } from "@/lib/i18n/first-visit";
import { LANGUAGE_COOKIE, languageCookieOptions } from "@/lib/i18n/language-cookie";
import { localePath } from "@/lib/i18n/paths";
import { formPostProblem } from "@/lib/security/form-post";
import {
  cachedPagePolicy,
  contentSecurityPolicy,
  currentDeployment,
  strictTransportSecurity,
  withFrameAncestors,
} from "@/lib/security/security-headers";
import { embedFrameAncestorsFor } from "@/server/public/embed-policy";
import { actionRequestProblem } from "@/lib/security/action-request";
import { actionOwnership, buildActionOwners } from "@/lib/security/action-ownership";

/** Server actions answer larger bodies with a 500; the largest real form (a document edit) fits in this. */
const MAX_FORM_BYTES = 256 * 1024;
const languages = routing.locales as readonly string[];

function refuse(status: 400 | 403 | 404 | 409 | 411 | 413 | 415, message: string) {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Turns malformed and cross-site requests, which Next would answer with a 500 or let through, into the
 * client errors they are; gives every page rendered per request a fresh CSP nonce (cached public pages get
 * the policy caching allows, see docs/caching-and-csp.md); and sends first visitors to their language.
 * Pages and API handlers still validate everything themselves.
 */
export async function proxy(request: NextRequest) {
  const embed = embedPageOf(request.nextUrl.pathname);
  if (embed) return embedResponse(request, embed);
  if (request.method === "GET" && isCachedPublicPage(request.nextUrl.pathname)) {
    const policy = cachedPagePolicy(currentDeployment());
    const response = secure(await gate(request, null), policy);
    // Next sends the same bounds without "public"; a redirect (a first visit's language) is not cached.
    if (response.headers.has("location")) return response;
    response.headers.set("cache-control", CACHED_PAGE_CACHE_CONTROL);
    // nginx and CDNs keep no response that sets a cookie; the language switch remembers a chosen language.
    response.headers.delete("set-cookie");
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(currentDeployment(), nonce);
  return secure(await gate(request, policy), policy);
}

/**
 * The only pages other sites may frame: the embedded form (rendered per request, with a nonce) and the
 * counter (cached like the count endpoint), each with its campaign's allow-list as frame-ancestors.
 */
async function embedResponse(request: NextRequest, embed: NonNullable<ReturnType<typeof embedPageOf>>) {
  const ancestors = await embedFrameAncestorsFor(embed.collection, embed.slug);
  if (embed.counter && request.method === "GET") {
    const policy = withFrameAncestors(cachedPagePolicy(currentDeployment()), ancestors);
    const response = secure(await gate(request, null), policy);
    if (!response.headers.has("location")) response.headers.set("cache-control", COUNT_CACHE_CONTROL);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = withFrameAncestors(contentSecurityPolicy(currentDeployment(), nonce), ancestors);
  return secure(await gate(request, policy), policy);
}

/** `policy` goes to Next with the request (it takes the nonce from it); null for a cached page. */
async function gate(request: NextRequest, policy: string | null): Promise<NextResponse> {
  try {
    // No real address holds control characters; Next would answer them with its bare error page.
    if (/[\u0000-\u001f\u007f]/.test(decodeURIComponent(new URL(request.url).pathname))) throw new URIError();
  } catch {
    return refuse(400, "Bad request: the address is not valid.");
  }
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    const problem =
      formPostProblem(request.headers, MAX_FORM_BYTES) ??
      (await actionRequestProblem(request, actionOwnershipAt(request)));
    if (problem) return refuse(problem.status, problem.message);
  }
  if (isAdminPage(request) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  if (policy) headers.set("content-security-policy", policy);
  else headers.delete("content-security-policy");
  return isPublicPage(request.nextUrl.pathname)
    ? routeLanguage(request, headers)
    : NextResponse.next({ request: { headers } });
}

/** next.config sets the static headers on every response; these two depend on this request and this process. */
function secure(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(currentDeployment());
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

/** Checks a posted action against the page that owns it, by the page's internal address (English is "/en/…"). */
function actionOwnershipAt(request: NextRequest) {
  const owners = buildActionOwners();
  if (!owners) return undefined;
  const path = request.nextUrl.pathname;
  const prefixed = !isPublicPage(path) || languages.includes(path.split("/")[1]);
  const address = prefixed ? path : `/${routing.defaultLocale}${path === "/" ? "" : path}`;
  return (id: string) => actionOwnership(owners, id, address);
}

/** Only a first gate for people: every admin page, action and route checks the session itself. */
function isAdminPage(request: NextRequest): boolean {
  const path = request.nextUrl.pathname;
  return request.method === "GET" && (path === "/admin" || path.startsWith("/admin/"));
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
}

/** The public site's pages, as opposed to the organisers' section, the API and Next's own files. */
function isPublicPage(path: string): boolean {
  // A file has a short extension; a signer's private link ends in ".<43-character MAC>", which is not one.
  return !/^\/(api|admin|sign-in|dev|og|_next)(\/|$)/.test(path) && !/\.[a-z0-9]{1,12}$/i.test(path);
}

/**
 * English pages keep their unprefixed addresses (next.config's rewrites serve them from app/[locale] as
 * "en"); other languages live under /{locale}. The address decides the language, except on a first visit
 * (no language cookie) to an English page from a browser that prefers another of ours: that goes to the
 * same page in its language.
 */
function routeLanguage(request: NextRequest, headers: Headers): NextResponse {
  const { pathname } = request.nextUrl;
  const first = pathname.split("/")[1];
  if (first === routing.defaultLocale) {
    // "/en/…" is the English page's internal name; the public address has no prefix.
    const target = request.nextUrl.clone();
    target.pathname = pathname.slice(first.length + 1) || "/";
    return NextResponse.redirect(target, 308);
  }
  const language = languages.includes(first) ? first : routing.defaultLocale;
  // A partner chose the embed's language in its address; a cookie in their frame would be a third-party one.
  if (embedPageOf(pathname)) return NextResponse.next({ request: { headers } });
  if (language === routing.defaultLocale && request.method === "GET" && !request.cookies.has(LANGUAGE_COOKIE)) {
    const preferred = preferredLanguage(request.headers.get("accept-language"));
    if (preferred && preferred !== routing.defaultLocale) {
      const target = request.nextUrl.clone();
      target.pathname = localePath(preferred, pathname);
      return remember(NextResponse.redirect(target), preferred);
    }
  }
  const response = NextResponse.next({ request: { headers } });
  return request.method === "GET" && request.cookies.get(LANGUAGE_COOKIE)?.value !== language
    ? remember(response, language)
    : response;
}

/** Keeps the language of the page being read, so that later first pages stay in it. */
function remember(response: NextResponse, language: string): NextResponse {
  response.cookies.set(LANGUAGE_COOKIE, language, languageCookieOptions(currentDeployment().appUrl));
  return response;
}

// The proxy costs every request it sees, so build assets, files in public/ (a short extension), the
// JSON API (its reads, and its writes, which check their origin, size and body themselves), social
// cards and the cached public pages' views never reach it: next.config's headers() gives them their
// headers (the cached pages their policy and Cache-Control). It sees the other pages (for their nonce and
// language), a first visit to an English cached page from a browser that prefers another language of ours
// (to send it there and remember the language: without that cookie a reader without JavaScript could never
// stay on the English pages), every form post to a page (server actions: they have a content-type), and
// percent-encoded paths. Literals only (Next reads them at build); proxy.test.ts checks that they leave
// out exactly lib/cached-pages' addresses.
export const config = {
  matcher: [
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type" }] },
    "/(.*%.*)",
    // A file ends in a short extension; a signer's private link ends in ".<43-character MAC>", which is not one.
    "/((?!_next/|api/|og/|.*\\.[A-Za-z0-9]{1,12}$|(?:ru/?)?$|(?:ru/)?(?:(?:petitions|letters)/[^/]+|delegations(?:/[^/]+)?|privacy)$).*)",
    // A first visit (no language cookie) to an English cached page from a browser that prefers Russian:
    // prefersLanguagePattern("ru") of lib/i18n/first-visit.ts, written out (proxy.test.ts compares them).
    {
      source: "/((?:(?:petitions|letters)/[^/]+|delegations(?:/[^/]+)?|privacy)?)",
      has: [
        {
          type: "header",
          key: "accept-language",
          value:
            "(?:(?:(?![ \\t]*(?:[eE][nN](?![A-Za-z])|[rR][uU](?![A-Za-z])))[^,]*|[ \\t]*(?:[eE][nN](?![A-Za-z])|[rR][uU](?![A-Za-z]))[^,;]*;[ \\t]*[qQ]=0(?:\\.0*)?[ \\t]*(?=,|$)),)*(?![ \\t]*[rR][uU](?![A-Za-z])[^,;]*;[ \\t]*[qQ]=0(?:\\.0*)?[ \\t]*(?=,|$))[ \\t]*[rR][uU](?![A-Za-z])[^,]*(?:,.*)?",
        },
      ],
      missing: [{ type: "cookie", key: "NEXT_LOCALE" }],
    },
  ],
};
