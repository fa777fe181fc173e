import type { IncomingMessage, ServerResponse } from "node:http";

/** The largest body any route takes: the largest real form (a document edit) fits; the JSON API takes less. */
export const MAX_REQUEST_BYTES = 256 * 1024;

type Refusal = { status: 411 | 413; message: string };

/**
 * Whether a request's body may be read, judged on its headers alone. Next reads Auth.js's posts (and any
 * route the proxy does not see) up to 10 MB before any of our code runs, so this is decided on the Node
 * server's request event, before a byte of the body is read: a declared length over the limit is refused,
 * and so is a body without a declared length (chunked), whose size could only be learnt by reading it.
 */
export function bodyRefusal(method: string | undefined, headers: IncomingMessage["headers"]): Refusal | null {
  const length = headers["content-length"];
  if (length !== undefined) {
    return Number(length) > MAX_REQUEST_BYTES
      ? { status: 413, message: `The request body is larger than ${MAX_REQUEST_BYTES} bytes; it is too large.` }
      : null;
  }
  if (headers["transfer-encoding"] === undefined) return null; // no body at all
  return method === "GET" || method === "HEAD"
    ? null
    : { status: 411, message: "A request with a body must say its length (Content-Length)." };
}

/** How much of a refused body is read and thrown away, and for how long, before hanging up. */
const DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_MS = 5_000;

/**
 * Answers a refused request at once, without reading its body first, so memory stays flat however large
 * the body is. Closing the connection (even half-closing it) while the client is still sending resets it,
 * and the client loses the answer (half of 1 MB posts did): what it still sends is read and discarded, up
 * to a limit and for a while, and then the connection is cut. API paths get the JSON API's error shape,
 * others plain text.
 */
export function refuseBody(request: IncomingMessage, response: ServerResponse): boolean {
  const refusal = bodyRefusal(request.method, request.headers);
  if (!refusal) return false;
  const json = (request.url ?? "").startsWith("/api/");
  const body = json ? JSON.stringify({ error: refusal.message }) : refusal.message;
  response.writeHead(refusal.status, {
    "content-type": json ? "application/json" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  // The answer, with the connection left open: what the client still sends is read and dropped, never
  // kept, until it stops (the connection can then carry its next request) or the limits run out.
  response.end(body);
  let discarded = 0;
  const hangUp = () => request.socket.destroy();
  const timer = setTimeout(hangUp, DISCARD_MS);
  timer.unref();
  request.once("close", () => clearTimeout(timer));
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES) hangUp();
  });
  return true;
}
