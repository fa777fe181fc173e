import autocannon from "autocannon";

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  timeouts: number;
  statuses: Map<number, number>;
  /** How many responses said each X-Cache-Status (nginx in front); empty without one. */
  cacheStatuses?: Map<string, number>;
};

type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/**
 * Runs one bounded load from this process (the server is another): `connections` clients for at most
 * `seconds`, or `amount` requests. `next` makes each request (null when there is nothing left to send).
 */
export async function load(options: {
  url: string;
  connections: number;
  seconds: number;
  amount?: number;
  next: () => Request | null;
  onStatus?: (status: number, request: Request) => void;
}): Promise<LoadResult> {
  const statuses = new Map<number, number>();
  const cacheStatuses = new Map<string, number>();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    amount: options.amount,
    timeout: 10,
    requests: [
      {
        setupRequest: (request, context) => {
          const next = options.next();
          if (!next) return request; // amount bounds the run; this only happens at its very end
          (context as { sent?: Request }).sent = next;
          return {
            ...request,
            method: next.method ?? "GET",
            path: next.path,
            headers: { ...request.headers, ...next.headers },
            body: next.body,
          } as typeof request;
        },
        onResponse: (status, _body, context, headers) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const key = Object.keys(headers ?? {}).find((name) => name.toLowerCase() === "x-cache-status");
          const cache = key && String(headers?.[key]);
          if (cache) cacheStatuses.set(cache, (cacheStatuses.get(cache) ?? 0) + 1);
          const sent = (context as { sent?: Request }).sent;
          if (sent) options.onStatus?.(status, sent);
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / Math.max(0.001, result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    cacheStatuses,
  };
}

/** Several loads of one kind as one: all their requests over all their time, the worst one's latencies. */
export function combineLoads(results: LoadResult[]): LoadResult {
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const total = sum((result) => result.total);
  const seconds = sum((result) => result.total / Math.max(result.requestsPerSecond, 1e-9));
  const statuses = new Map<number, number>();
  for (const result of results)
    for (const [status, n] of result.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
  return {
    requestsPerSecond: total / Math.max(seconds, 1e-9),
    p50: Math.max(...results.map((result) => result.p50)),
    p99: Math.max(...results.map((result) => result.p99)),
    total,
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    statuses,
  };
}
