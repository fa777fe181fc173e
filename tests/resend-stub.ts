import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type StubReply = { status: number; headers?: Record<string, string>; body?: unknown } | "hang";

export type StubRequest = { path: string; idempotencyKey: string | undefined; authorization: string | undefined; body: unknown; at: number };


/**
 * A local stand-in for the Resend API, driven by the real SDK through RESEND_BASE_URL. It answers from a
 * script of replies (then 200), and like Resend accepts an idempotency key only once.
 */
export async function startResendStub(
  script: StubReply[] = [],
  { ratePerSecond, keepBodies = true }: { ratePerSecond?: number; keepBodies?: boolean } = {},
) {
  const requests: StubRequest[] = [];
  const accepted = new Map<string, string[]>();
  const hanging = new Set<IncomingMessage>();
  let sequence = 0;
  const windowStarts: number[] = [];

  // Like Resend: a fixed number of requests per second, announced in ratelimit-* headers, 429 beyond.
  function rateLimit(limit: number): { reply?: StubReply; headers: Record<string, string> } {
    const now = Date.now();
    while (windowStarts.length && now - windowStarts[0] >= 1000) windowStarts.shift();
    const resetSeconds = windowStarts.length ? Math.max(1, Math.ceil((1000 - (now - windowStarts[0])) / 1000)) : 1;
    if (windowStarts.length >= limit) {
      const headers = { "ratelimit-limit": String(limit), "ratelimit-remaining": "0", "ratelimit-reset": String(resetSeconds), "retry-after": String(resetSeconds) };
      return { headers, reply: { status: 429, headers, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" } } };
    }
    windowStarts.push(now);
    return { headers: { "ratelimit-limit": String(limit), "ratelimit-remaining": String(limit - windowStarts.length), "ratelimit-reset": String(resetSeconds) } };
  }

  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const key = request.headers["idempotency-key"] as string | undefined;
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
    requests.push({
      path: request.url ?? "",
      idempotencyKey: key,
      authorization: request.headers.authorization,
      body: keepBodies ? body : Array.isArray(body) ? body.map(() => null) : null,
      at: Date.now(),
    });
    const limited = ratePerSecond ? rateLimit(ratePerSecond) : undefined;
    const reply = limited?.reply ?? script.shift() ?? { status: 200, headers: limited?.headers };
    if (reply === "hang") {
      hanging.add(request);
      return; // never answers: the client has to time out
    }
    if (reply.status === 200) {
      const count = Array.isArray(body) ? body.length : 1;
      const ids = (key ? accepted.get(key) : undefined) ?? Array.from({ length: count }, () => `stub-${++sequence}`);
      if (key) accepted.set(key, ids);
      const payload = request.url === "/emails/batch" ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
      response.writeHead(200, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(payload));
      return;
    }
    response
      .writeHead(reply.status, { "content-type": "application/json", ...reply.headers })
      .end(JSON.stringify(reply.body ?? { statusCode: reply.status, name: "stub_error", message: `stub says ${reply.status}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Distinct emails the stub has accepted (a key accepted again adds nothing). */
    acceptedCount: () => [...accepted.values()].reduce((sum, ids) => sum + ids.length, 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const request of hanging) request.socket.destroy();
        server.close(() => resolve());
      }),
  };
}
