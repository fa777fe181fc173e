import { isCrossSite } from "./cross-site";

export type FormPostProblem = { status: 403 | 411 | 413; message: string };

/**
 * What a form post must show before its body is read: that it was sent from this site, and a declared
 * length within `maxBytes` (browsers always send one with a form; without it the size is unknown until
 * read). Used by proxy.ts for posts to pages and by the route handlers that take form posts themselves.
 */
export function formPostProblem(headers: Headers, maxBytes: number): FormPostProblem | null {
  if (isCrossSite(headers)) return { status: 403, message: "Forms on this site can only be sent from this site." };
  const length = headers.get("content-length");
  if (length === null) return { status: 411, message: "A form submission must say its length (Content-Length)." };
  if (Number(length) > maxBytes) {
    return { status: 413, message: `The submission is too large: at most ${maxBytes / 1024} KB is accepted.` };
  }
  return null;
}
