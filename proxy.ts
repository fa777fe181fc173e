import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";

/** Server actions answer larger bodies with a 500; the largest real form (a document edit) fits in this. */
const MAX_FORM_BYTES = 256 * 1024;

function refuse(status: 400 | 403 | 411 | 413, message: string) {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** A browser names the page a POST comes from; one from another site (or an opaque "null") is refused. */
function isCrossSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Turns malformed and cross-site requests, which Next would answer with a 500 or let through, into the
 * client errors they are. Pages and API handlers still validate everything themselves.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return refuse(400, "Bad request: the address is not valid.");
  }
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    if (isCrossSite(request)) return refuse(403, "Forms on this site can only be sent from this site.");
    // Browsers always send a length with a form; without one the size could not be checked up front.
    const length = request.headers.get("content-length");
    if (length === null) return refuse(411, "A form submission must say its length (Content-Length).");
    if (Number(length) > MAX_FORM_BYTES) {
      return refuse(413, `The submission is too large: at most ${MAX_FORM_BYTES / 1024} KB is accepted.`);
    }
  }
  if (isAdminPage(request) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  if (!isPublicPage(request.nextUrl.pathname)) return NextResponse.next();
  const firstVisit = firstVisitLanguage(request);
  if (firstVisit) return firstVisit;
  return withLanguageCookie(request, localeRouting(request));
}

const localeRouting = createIntlMiddleware(routing);
const LANGUAGE_COOKIE = "NEXT_LOCALE";
const YEAR = 365 * 24 * 3600;

/** The public site's pages, as opposed to the organisers' section, the API and Next's own files. */
function isPublicPage(path: string): boolean {
  // A file has a short extension; a signer's private link ends in ".<43-character MAC>", which is not one.
  return !/^\/(api|admin|sign-in|dev|og|_next)(\/|$)/.test(path) && !/\.[a-z0-9]{1,12}$/i.test(path);
}

function languageOfPath(path: string): string {
  const first = path.split("/")[1];
  return (routing.locales as readonly string[]).includes(first) ? first : routing.defaultLocale;
}

/**
 * A first visit (no language cookie yet) to an English address from a browser that prefers another of our
 * languages goes to that language's page. After that the address decides: links and the switcher work.
 */
function firstVisitLanguage(request: NextRequest): NextResponse | null {
  if (request.method !== "GET" || request.cookies.has(LANGUAGE_COOKIE)) return null;
  if (languageOfPath(request.nextUrl.pathname) !== routing.defaultLocale) return null;
  const preferred = preferredLanguage(request.headers.get("accept-language"));
  if (!preferred || preferred === routing.defaultLocale) return null;
  const target = request.nextUrl.clone();
  target.pathname = `/${preferred}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`;
  const response = NextResponse.redirect(target);
  response.cookies.set(LANGUAGE_COOKIE, preferred, { path: "/", maxAge: YEAR, sameSite: "lax" });
  response.headers.set("Vary", "Accept-Language, Cookie");
  return response;
}

/** The first of the browser's languages (by quality) that the site has, if any. */
function preferredLanguage(header: string | null): string | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => (routing.locales as readonly string[]).includes(entry.language))?.language ?? null;
}

/** Remembers the language of the page being read, so the next first-page visit keeps it. */
function withLanguageCookie(request: NextRequest, response: NextResponse): NextResponse {
  const language = languageOfPath(request.nextUrl.pathname);
  if (request.method === "GET" && request.cookies.get(LANGUAGE_COOKIE)?.value !== language) {
    response.cookies.set(LANGUAGE_COOKIE, language, { path: "/", maxAge: YEAR, sameSite: "lax" });
  }
  return response;
}

/** Only a first gate for people: every admin page, action and route checks the session itself. */
function isAdminPage(request: NextRequest): boolean {
  const path = request.nextUrl.pathname;
  return request.method === "GET" && (path === "/admin" || path.startsWith("/admin/"));
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
}

// The proxy costs every request it sees (it cut a static file's throughput by four), so Next's own files
// and the API's reads never reach it: it sees pages (for their language), requests with a body (form
// posts), and percent-encoded paths.
export const config = {
  matcher: [
    "/((?!api/|_next/|og/|favicon.ico|robots.txt).*)",
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
    "/(.*%.*)",
  ],
};
