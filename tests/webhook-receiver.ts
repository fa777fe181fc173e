import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedEvent = { id: string; type: string; data: Record<string, unknown> };

function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

/**
 * A partner's endpoint, as the specification's own library would have it written: every request's signature
 * is verified with the endpoint's secret (a bad one gets 401 and is counted), events are kept once per
 * webhook-id, and the first `failFirst` requests are answered 503 to show retries (Infinity: every one, until
 * `recover()`).
 */
export async function startWebhookReceiver(secret: string, options: { failFirst?: number; port?: number } = {}) {
  let failFirst = options.failFirst ?? 0;
  const verifier = new Webhook(secret);
  const received = new Map<string, ReceivedEvent>();
  const stats = { requests: 0, badSignatures: 0, duplicates: 0, times: [] as number[] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      stats.requests += 1;
      stats.times.push(Date.now());
      if (stats.requests <= failFirst) {
        response.writeHead(503).end("not yet");
        return;
      }
      let event: { type: string; data: Record<string, unknown> };
      try {
        event = verifier.verify(Buffer.concat(chunks).toString("utf8"), headerRecord(request.headers)) as typeof event;
      } catch {
        stats.badSignatures += 1;
        response.writeHead(401).end("bad signature");
        return;
      }
      const id = String(request.headers["webhook-id"]);
      if (received.has(id)) stats.duplicates += 1;
      else received.set(id, { id, type: event.type, data: event.data });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    stats,
    recover: () => {
      failFirst = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
