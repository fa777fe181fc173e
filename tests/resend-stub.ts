import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type StubReply = { status: number; headers?: Record<string, string>; body?: unknown } | "hang";

/**
 * What the stub does during an outage: answer with an error status, never answer ("hang"), accept the
 * emails and then lose the answer (hang or reset the connection: the client cannot know they went
 * out), or stop listening altogether ("refuse").
 */
export type StubFault = StubReply | "accept-then-hang" | "accept-then-reset" | "refuse";

export type StubRequest = {
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: unknown;
  at: number;
  /** What the stub did with it: an HTTP status, or "hang" / "reset" when the client got no answer. */
  outcome?: number | "hang" | "reset";
};

/** One email the stub accepted, recorded the first time its idempotency key was accepted. */
export type StubDelivery = { key: string | undefined; to: string; id: string; at: number };

/**
 * A local stand-in for the Resend API, driven by the real SDK through RESEND_BASE_URL. It answers from a
 * script of replies (then 200), and like Resend accepts an idempotency key only once, refusing the same
 * key with a different payload (409). `outage()` makes it fail every request for a while, then recover.
 */
export async function startResendStub(
  script: StubReply[] = [],
  {
    ratePerSecond,
    keepBodies = true,
    latencyMs = 0,
  }: { ratePerSecond?: number; keepBodies?: boolean; latencyMs?: number } = {},
) {
  const requests: StubRequest[] = [];
  const accepted = new Map<string, { ids: string[]; payload: string }>();
  const deliveries: StubDelivery[] = [];
  const hanging = new Set<IncomingMessage>();
  let sequence = 0;
  const windowStarts: number[] = [];
  let outage: { fault: StubFault; until: number; endsAfter?: string } | undefined;
  const failNext: StubReply[] = [];

  // Like Resend: a fixed number of requests per second, announced in ratelimit-* headers, 429 beyond.
  function rateLimit(limit: number): { reply?: StubReply; headers: Record<string, string> } {
    const now = Date.now();
    while (windowStarts.length && now - windowStarts[0] >= 1000) windowStarts.shift();
    const resetSeconds = windowStarts.length ? Math.max(1, Math.ceil((1000 - (now - windowStarts[0])) / 1000)) : 1;
    if (windowStarts.length >= limit) {
      const headers = {
        "ratelimit-limit": String(limit),
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(resetSeconds),
        "retry-after": String(resetSeconds),
      };
      return {
        headers,
        reply: {
          status: 429,
          headers,
          body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
        },
      };
    }
    windowStarts.push(now);
    return {
      headers: {
        "ratelimit-limit": String(limit),
        "ratelimit-remaining": String(limit - windowStarts.length),
        "ratelimit-reset": String(resetSeconds),
      },
    };
  }

  /** Accepts the emails of a request once per key; returns their ids, or null for a reused key's other payload. */
  function accept(key: string | undefined, body: unknown, raw: string): string[] | null {
    const payload = createHash("sha256").update(raw).digest("hex");
    const known = key ? accepted.get(key) : undefined;
    if (known) return known.payload === payload ? known.ids : null;
    const emails = (Array.isArray(body) ? body : [body]) as { to?: unknown }[];
    const ids = emails.map(() => `stub-${++sequence}`);
    if (key) accepted.set(key, { ids, payload });
    emails.forEach((email, index) => deliveries.push({ key, to: String(email?.to), id: ids[index], at: Date.now() }));
    return ids;
  }

  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const key = request.headers["idempotency-key"] as string | undefined;
    const raw = Buffer.concat(chunks).toString("utf8");
    const body: unknown = JSON.parse(raw || "null");
    const record: StubRequest = {
      path: request.url ?? "",
      idempotencyKey: key,
      authorization: request.headers.authorization,
      body: keepBodies ? body : Array.isArray(body) ? body.map(() => null) : null,
      at: Date.now(),
    };
    requests.push(record);
    const fault = failNext.shift() ?? (outage && Date.now() < outage.until ? outage.fault : undefined);
    if (fault && outage?.endsAfter === record.path) outage.until = 0; // this one fails, the next succeeds
    const limited = fault || !ratePerSecond ? undefined : rateLimit(ratePerSecond);
    const reply = fault ?? limited?.reply ?? script.shift() ?? { status: 200, headers: limited?.headers };
    if (reply === "accept-then-hang" || reply === "accept-then-reset") accept(key, body, raw);
    if (reply === "hang" || reply === "accept-then-hang") {
      record.outcome = "hang";
      hanging.add(request);
      return; // never answers: the client has to time out
    }
    if (reply === "accept-then-reset" || reply === "refuse") {
      record.outcome = "reset"; // "refuse" only reaches here for a request already on its way
      request.socket.destroy();
      return;
    }
    if (reply.status === 200) {
      const ids = accept(key, body, raw);
      if (!ids) {
        record.outcome = 409;
        response.writeHead(409, { "content-type": "application/json" }).end(
          JSON.stringify({
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload.",
          }),
        );
        return;
      }
      record.outcome = 200;
      // Like a real API, it takes a while to answer: a client that dies meanwhile never learns it was accepted.
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const payload = request.url === "/emails/batch" ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
      response.writeHead(200, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(payload));
      return;
    }
    record.outcome = reply.status;
    response
      .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
      .end(
        JSON.stringify(
          reply.body ?? { statusCode: reply.status, name: "stub_error", message: `stub says ${reply.status}` },
        ),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let listening = true;
  let reopen: NodeJS.Timeout | undefined;

  function dropConnections() {
    for (const request of hanging) request.socket.destroy();
    hanging.clear();
    server.closeAllConnections();
  }

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    /** Distinct emails the stub has accepted (a key accepted again adds nothing). */
    acceptedCount: () => deliveries.length,
    /** How many emails each recipient has been sent: more than one for a signer means a double. */
    acceptedByRecipient: () => {
      const counts = new Map<string, number>();
      for (const { to } of deliveries) counts.set(to, (counts.get(to) ?? 0) + 1);
      return counts;
    },
    /** Answers the next `count` requests with `reply`, however long they take to come. */
    failNext: (reply: StubReply, count = 1) => {
      for (let i = 0; i < count; i++) failNext.push(reply);
    },
    /**
     * Fails every request with `fault` for the next `ms` milliseconds, then recovers; with `endsAfter`, as
     * soon as a request to that path has failed, however long a busy machine takes to send one.
     */
    outage: async (fault: StubFault, ms: number, { endsAfter }: { endsAfter?: string } = {}) => {
      outage = { fault, until: Date.now() + ms, endsAfter };
      if (fault !== "refuse") return;
      // Not listening at all: new connections are refused, and open keep-alive connections are dropped.
      listening = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropConnections();
      });
      reopen = setTimeout(() => server.listen(port, "127.0.0.1", () => (listening = true)), ms);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(reopen);
        dropConnections();
        if (!listening) return resolve();
        server.close(() => resolve());
      }),
  };
}
