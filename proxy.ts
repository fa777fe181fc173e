import { NextResponse, type NextRequest } from "next/server";
import { isCrossSite } from "@/lib/cross-site";
import { contentSecurityPolicy, currentDeployment, strictTransportSecurity } from "@/lib/security-headers";

/** Server actions answer larger bodies with a 500; the largest real form (a document edit) fits in this. */
const MAX_FORM_BYTES = 256 * 1024;

function refuse(status: 400 | 403 | 411 | 413, message: string) {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Turns malformed and cross-site requests, which Next would answer with a 500 or let through, into the
 * client errors they are, and gives every page it passes a fresh CSP nonce. Pages and API handlers
 * still validate everything themselves.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(currentDeployment(), nonce);
  return secure(gate(request, policy), policy);
}

function gate(request: NextRequest, policy: string): NextResponse {
  try {
    decodeURIComponent(new URL(request.url).pathname);
  } catch {
    return refuse(400, "Bad request: the address is not valid.");
  }
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    if (isCrossSite(request.headers)) return refuse(403, "Forms on this site can only be sent from this site.");
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
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  return NextResponse.next({ request: { headers } });
}

/** next.config sets the static headers on every response; these two depend on this request and this process. */
function secure(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(currentDeployment());
  if (hsts) response.headers.set("strict-transport-security", hsts);
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

// The proxy costs every request it sees (it cut a static file's throughput by four), so it sees only
// what it guards: requests with a body (form posts), the organisers' pages, percent-encoded paths, and
// pages, which need a nonce. Build assets, files in public/ (a dot in the last segment) and the JSON API
// are served without it; next.config's headers() gives them the static security headers.
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
    "/admin",
    "/admin/:path*",
    "/(.*%.*)",
    {
      source: "/((?!_next/|api/|.*\\.[^/]*$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
