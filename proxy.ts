import { NextResponse, type NextRequest } from "next/server";
import { actionRequestProblem } from "@/lib/action-request";

/** Server actions answer larger bodies with a 500; the largest real form (a document edit) fits in this. */
const MAX_FORM_BYTES = 256 * 1024;

function refuse(status: 400 | 403 | 411 | 413 | 415, message: string) {
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
export async function proxy(request: NextRequest) {
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
    const problem = await actionRequestProblem(request);
    if (problem) return refuse(problem.status, problem.message);
  }
  if (isAdminPage(request) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next();
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
// what it guards: requests with a body (form posts), the organisers' pages, and percent-encoded paths.
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
    "/admin",
    "/admin/:path*",
    "/(.*%.*)",
  ],
};
