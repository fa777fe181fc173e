import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { documentPath } from "@/lib/collections";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { formPostProblem } from "@/lib/security/form-post";
import { MANAGE_HANDOFF_COOKIE, MANAGE_HANDOFF_SECONDS, manageToken } from "@/lib/security/signer-links";
import { isWellFormedToken } from "@/lib/security/tokens";
import { confirmByToken } from "@/server/signing/signing";

/** The form holds a 43-character token and a language code; the JSON API's bodies have the same bound. */
const MAX_FORM_BYTES = 16 * 1024;
const FORM_TYPE = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\s*(?:;|$)/i;

const refuse = (status: 400 | 403 | 411 | 413 | 415, message: string) =>
  new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
const seeOther = (location: string) =>
  new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/**
 * The confirm page's "Confirm my signature" button: a plain form post (no JavaScript needed) that answers
 * 303, to the thank-you page or back to the confirm page, which explains any other outcome. Under /api/ so
 * that proxy.ts never runs for it (nor Next's server-action and page pipeline): it makes the proxy's checks
 * on form posts itself (same site, a small length, a form's content type); the token is its only authority.
 */
export async function POST(request: Request) {
  const problem = formPostProblem(request.headers, MAX_FORM_BYTES);
  if (problem) return refuse(problem.status, problem.message);
  if (!FORM_TYPE.test(request.headers.get("content-type") ?? "")) {
    return refuse(415, "Send this form as multipart/form-data or application/x-www-form-urlencoded.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "The form could not be read. Please reload the page and send it again.");
  }
  const locale = toLocale(form.get("locale"));
  const token = form.get("token");
  if (!isWellFormedToken(token)) return seeOther(localePath(locale, "/confirm/invalid"));
  const outcome = await confirmByToken(token);
  // Every other outcome (already confirmed, expired, closed, unknown) is explained on the confirm page.
  if (outcome.status !== "just-confirmed") return seeOther(localePath(locale, `/confirm/${token}`));
  const thanks = localePath(locale, documentPath(outcome.document.kind, outcome.document.slug, "/thanks"));
  const response = seeOther(thanks);
  const { id, manageLinkVersion } = outcome.signature;
  response.cookies.set(MANAGE_HANDOFF_COOKIE, manageToken(id, manageLinkVersion), {
    path: thanks,
    maxAge: MANAGE_HANDOFF_SECONDS,
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().appUrl.startsWith("https://"),
  });
  return response;
}
