import http from "node:http";

export type RoundRobinProxy = { url: string; close: () => Promise<void> };

/**
 * A load balancer for tests: each request goes to the next upstream in turn. A refused connection (an
 * instance that is down) passes the request to the next one, as nginx's `proxy_next_upstream error` does;
 * a connection that breaks after the request was sent is answered 502 and never retried, because that
 * instance may have acted on it.
 */
export async function startRoundRobinProxy(port: number, upstreams: string[]): Promise<RoundRobinProxy> {
  let turn = 0;
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const start = turn++;
    const attempt = (tried: number) => {
      const upstream = new URL(upstreams[(start + tried) % upstreams.length]);
      const forwarded = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: request.headers.host },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED" && tried + 1 < upstreams.length) return attempt(tried + 1);
        if (!response.headersSent) response.writeHead(502).end();
        else response.destroy();
      });
      forwarded.end(body);
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
