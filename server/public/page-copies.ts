import { Server, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { isCachedPublicPage } from "@/lib/cached-pages";
import { preferredLanguage } from "@/lib/i18n/first-visit";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-cookie";

// Even a page in Next's cache costs about 2 ms of CPU to send: route matching, the rewrite, the page's route
// module and its caches run for every request. In a surge that path, not the page, is the limit. So the
// bytes Next answers for a shareable page (Cache-Control: public) are kept here, in front of Next, for a
// second, and sent again as they are to the same request: the micro-caching nginx does (docs/nginx.conf),
// for an instance that has nothing in front of it. A second adds to the staleness Next's own cache allows
// (lib/cached-pages.ts) and nothing else: an organiser's change drops every copy at once.

/** How long a copy is sent again. */
export const COPY_MS = 1_000;
const MAX_BYTES = 16 * 1024 * 1024;

/** Next varies pages on these (client navigation asks for RSC payloads with them): they go to Next. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];
/** Per connection or per moment: never kept. Content-Length is set from the kept body. */
const NOT_KEPT = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

type Copy = { headers: OutgoingHttpHeaders; body: Buffer; askedAt: number };

type Clock = {
  now: () => number;
  /** Copies of answers asked for before this time are not sent: public content changed since. */
  changedAt: () => number;
};

// Where cache-handler.mjs (revalidations on this instance) and public-changes.ts (another instance's
// change, within a second) note the time of the last change to public content.
type Changes = { __delegationPublicChanges?: { changedAt?: number }; __delegationPagesRevalidatedAt?: number };
const lastPublicChange = () => {
  const changes = globalThis as Changes;
  return Math.max(changes.__delegationPublicChanges?.changedAt ?? 0, changes.__delegationPagesRevalidatedAt ?? 0);
};

const LANGUAGE_COOKIE_SET = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=`);
const hasLanguageCookie = (cookie: string | undefined) => cookie !== undefined && LANGUAGE_COOKIE_SET.test(cookie);

/**
 * Which kept answer a request may get, or null when only Next may answer it: anything but a plain page view
 * of a cached public page, and a first visit that Next sends on to the reader's language.
 */
export function copyKey(request: IncomingMessage): string | null {
  const { method, url = "", headers } = request;
  if (method !== "GET" || url.includes("%")) return null;
  if (headers["content-type"] || headers["content-length"] || headers["transfer-encoding"] || headers.range) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const path = url.split("?")[0];
  if (!isCachedPublicPage(path)) return null;
  if (!hasLanguageCookie(headers.cookie)) {
    const language = preferredLanguage(headers["accept-language"] ?? null);
    if (language !== null && language !== "en") return null;
  }
  // Next compresses (or not) by Accept-Encoding: each way of asking keeps its own copy.
  return `${url}\n${headers["accept-encoding"] ?? ""}`;
}

/** A reload that bypasses caches (Cache-Control or Pragma: no-cache) goes to Next, and refreshes the copy. */
const asksForFresh = ({ headers }: IncomingMessage) =>
  /no-cache/.test(`${headers["cache-control"] ?? ""} ${headers.pragma ?? ""}`);

export function createPageCopies({ now = Date.now, changedAt = lastPublicChange }: Partial<Clock> = {}) {
  const copies = new Map<string, Copy>();
  let bytes = 0;

  const drop = (key: string) => {
    const copy = copies.get(key);
    if (!copy) return;
    bytes -= copy.body.length;
    copies.delete(key);
  };

  const keep = (key: string, copy: Copy) => {
    drop(key);
    if (copy.body.length > MAX_BYTES / 16) return;
    copies.set(key, copy);
    bytes += copy.body.length;
    for (const oldest of copies.keys()) {
      if (bytes <= MAX_BYTES) break;
      drop(oldest);
    }
  };

  /** Records what Next writes for this request and keeps it once sent whole, if it is a shareable page. */
  const record = (key: string, response: ServerResponse, askedAt: number) => {
    const chunks: Buffer[] = [];
    const write = response.write;
    const end = response.end;
    const take = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array),
      );
    };
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      take(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof response.write;
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      take(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof response.end;
    response.once("finish", () => {
      const sent = response.getHeaders();
      const cacheControl = String(sent["cache-control"] ?? "");
      if (response.statusCode !== 200 || !cacheControl.startsWith("public") || sent["set-cookie"]) return;
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(sent)) if (!NOT_KEPT.has(name)) headers[name] = value;
      keep(key, { headers, body: Buffer.concat(chunks), askedAt });
    });
  };

  return {
    /**
     * Sends a kept copy and returns true; otherwise returns false, and what Next now answers is recorded
     * (when a copy may be kept for this request).
     */
    answer(request: IncomingMessage, response: ServerResponse): boolean {
      const key = copyKey(request);
      if (key === null) return false;
      const time = now();
      const copy = copies.get(key);
      if (copy && time - copy.askedAt < COPY_MS && copy.askedAt > changedAt() && !asksForFresh(request)) {
        response.writeHead(200, {
          ...copy.headers,
          "content-length": copy.body.length,
          age: String(Math.floor((time - copy.askedAt) / 1000)),
        });
        response.end(copy.body);
        return true;
      }
      drop(key);
      record(key, response, time);
      return false;
    },
  };
}

/** Puts the page copies in front of every HTTP server of this process (Next's, under `next start`). */
export function answerFromPageCopies(): void {
  const marker = Symbol.for("delegation.pageCopies");
  const prototype = Server.prototype as Server & { [marker]?: true };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const copies = createPageCopies();
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && copies.answer(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
