import Database from "better-sqlite3";
import { startResendStub } from "@/tests/resend-stub";
import { ADMIN_SESSION, appEnv, counterDrift, pendingTokens } from "./app-data";
import { load, type LoadResult } from "./load";
import { cpuMilliseconds, processTree, startApp, treeRss, type Server } from "./servers";

const PETITION = "/petitions/moscow-trials";
const COUNT_API = "/api/petitions/moscow-trials";

/** A different IPv4 address for each of 16 million signers. */
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/**
 * Unique signers through the JSON API; returns the load figures and the emails that got a 202. All come
 * from this machine's address, or, with `addressPerSigner`, each from its own (X-Forwarded-For: the server
 * must trust it, TRUST_PROXY).
 */
export async function signingLoad(
  server: Server,
  tag: string,
  seconds: number,
  connections = 32,
  addressPerSigner = false,
) {
  let n = 0;
  const accepted: string[] = [];
  const result = await load({
    url: server.url,
    connections,
    seconds,
    next: () => ({
      method: "POST",
      path: `${COUNT_API}/signatures`,
      headers: { "content-type": "application/json", ...(addressPerSigner ? { "x-forwarded-for": addressOf(n) } : {}) },
      body: JSON.stringify({
        name: `Bench Signer ${n}`,
        email: `${tag}-${n++}@bench.example.org`,
        country: "GB",
        display: "full",
      }),
    }),
    onStatus: (status, request) => {
      if (status === 202) accepted.push((JSON.parse(request.body!) as { email: string }).email);
    },
  });
  return { result, accepted };
}

/** The confirm button's post as a browser sends it without JavaScript (the page's form, app/api/confirm). */
export function confirmRequest(server: Server, token: string) {
  return {
    method: "POST",
    path: "/api/confirm",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams({ token, locale: "en" }).toString(),
  };
}

/** Presses "Confirm my signature" once for each of these tokens (the no-JavaScript form post). */
export async function confirmingLoad(
  server: Server,
  tokens: string[],
  connections = 32,
): Promise<LoadResult & { confirmed: number }> {
  if (tokens.length === 0) throw new Error("nothing to confirm: no pending signature has a queued confirm email");
  let next = 0;
  let confirmed = 0;
  const result = await load({
    url: server.url,
    connections: Math.min(connections, tokens.length), // autocannon refuses more connections than requests
    seconds: 90,
    amount: tokens.length,
    next: () => (next < tokens.length ? confirmRequest(server, tokens[next++]) : null),
    onStatus: (status) => {
      if (status === 303) confirmed++;
    },
  });
  return { ...result, confirmed };
}

/**
 * GETs one address for `seconds`; `status` is what a single request answered first (a redirect is not
 * followed), the status every response of the load is expected to have.
 */
export async function getLoad(
  server: Server,
  path: string,
  seconds: number,
  connections = 32,
  headers: Record<string, string> = {},
): Promise<LoadResult & { status: number }> {
  // The first request fills the caches.
  const { status } = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  return { ...(await load({ url: server.url, connections, seconds, next: () => ({ path, headers }) })), status };
}

/**
 * How many of `samples` page views read the database. Pages render per request (for their CSP nonce)
 * but their data is cached for 5 s: a count written straight into the database must not show on the
 * views that follow the moment the page picked up the previous one.
 */
export async function pageDatabaseReads(server: Server, database: string, path: string, samples = 20): Promise<string> {
  const db = new Database(database);
  db.pragma("busy_timeout = 5000");
  const setCount = (n: number) =>
    db.prepare("update documents set signature_count = ? where slug = 'moscow-trials'").run(n);
  const shown = async () =>
    Number(
      (await (await fetch(`${server.url}${path}`)).text())
        .match(/<strong>([\d,]+)<\/strong> confirmed/)?.[1]
        .replaceAll(",", ""),
    );
  const original = db
    .prepare("select signature_count from documents where slug = 'moscow-trials'")
    .pluck()
    .get() as number;
  try {
    setCount(original + 1000);
    const deadline = Date.now() + 30_000;
    while ((await shown()) !== original + 1000) {
      if (Date.now() > deadline) throw new Error("the page never showed the new count");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    setCount(original + 2000);
    let reads = 0;
    for (let i = 0; i < samples; i++) if ((await shown()) === original + 2000) reads++;
    return `${reads}/${samples}`;
  } finally {
    setCount(original);
    db.close();
  }
}

/** Signs and confirms one more signature, then waits until the cached page shows the new count. */
export async function secondsUntilCountShows(server: Server, database: string): Promise<number> {
  const email = `fresh-${Date.now()}@bench.example.org`;
  await fetch(`${server.url}${COUNT_API}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Fresh Signer", email, country: "FR", display: "full" }),
  });
  const token = pendingTokens(database).at(-1)!;
  const request = confirmRequest(server, token);
  await fetch(`${server.url}${request.path}`, {
    method: "POST",
    headers: request.headers,
    body: request.body,
    redirect: "manual",
  });
  const started = Date.now();
  const target = (await counterDrift(database)).find((row) => row.slug === "moscow-trials")!.kept;
  while (Date.now() - started < 30_000) {
    const html = await (await fetch(`${server.url}${PETITION}`)).text();
    const shown = Number(html.match(/<strong>([\d,]+)<\/strong> confirmed/)?.[1].replaceAll(",", ""));
    if (shown >= target) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Infinity;
}

/**
 * Streams the CSV export of every signature; reports its time, the server's memory growth, and the CPU time
 * the server and the database's processes (`databasePids`, none for SQLite inside the app) spent on it.
 */
export async function exportRun(server: Server, databasePids: () => Promise<number[]> = async () => []) {
  const headers = { cookie: `authjs.session-token=${ADMIN_SESSION}` };
  await (await fetch(`${server.url}/api/admin/export?format=csv&q=warm-up-matches-nothing`, { headers })).text();
  const cpu = async () => ({
    app: cpuMilliseconds(processTree(server.process.pid!)),
    database: cpuMilliseconds(await databasePids()),
  });
  const cpuBefore = await cpu();
  const baseline = treeRss(server.process.pid!);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.process.pid!))), 100);
  // The export's own database connection ends with it, and its backend's CPU time with that: read the
  // backends' CPU while the export runs, and keep each one's last figure.
  const databaseSeen = new Map<number, number>();
  let exporting = true;
  const databaseSampler = (async () => {
    while (exporting) {
      for (const [pid, ms] of cpuMilliseconds(await databasePids())) databaseSeen.set(pid, ms);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const started = Date.now();
  const response = await fetch(`${server.url}/api/admin/export?format=csv`, { headers });
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  exporting = false;
  await databaseSampler;
  const after = treeRss(server.process.pid!);
  peak = Math.max(peak, after);
  const cpuAfter = await cpu();
  for (const [pid, ms] of databaseSeen) if (!cpuAfter.database.has(pid)) cpuAfter.database.set(pid, ms);
  const used = (part: "app" | "database") =>
    [...cpuAfter[part]].reduce((sum, [pid, ms]) => sum + ms - (cpuBefore[part].get(pid) ?? 0), 0);
  return {
    seconds,
    bytes,
    memoryGrowth: peak - baseline,
    rss: { before: baseline, after, peak },
    cpuSeconds: { app: used("app") / 1000, database: used("database") / 1000 },
  };
}

/** Drains a backlog of confirmation emails through the resend SDK into a stub allowing 5 requests/s. */
export async function outboxDrain(dir: string, port: number, emails: number, ratePerSecond = 5) {
  const stub = await startResendStub([], { ratePerSecond, keepBodies: false });
  const server = await startApp(port, appEnv(dir, { RESEND_API_KEY: "re_bench", RESEND_BASE_URL: stub.url }));
  try {
    const deadline = Date.now() + 240_000;
    while (stub.acceptedCount() < emails && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    // A window of one second allows `ratePerSecond` requests at once, so requests spread from first to last
    // over T seconds can number at most ratePerSecond × (T + 1): that is the time they stand for.
    const first = stub.requests[0]?.at ?? Date.now();
    const last = stub.requests.at(-1)?.at ?? Date.now();
    const seconds = (last - first) / 1000 + 1;
    return {
      accepted: stub.acceptedCount(),
      seconds,
      emailsPerSecond: stub.acceptedCount() / seconds,
      allowed: ratePerSecond * 100,
      requests: stub.requests.length,
    };
  } finally {
    await server.stop();
    await stub.close();
  }
}

export type CacheProbe = { what: string; statuses: (string | null)[]; codes: number[]; renderedTwice: boolean | null };

/** The nonce of a response's CSP: a different one on the second response means the app rendered it again. */
const nonceOf = (response: Response) => response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];

/**
 * Sends each request twice through nginx and records its X-Cache-Status (null where the cache is off) and
 * whether the app rendered the page both times.
 */
export async function probeTwice(
  nginx: Server,
  probes: { what: string; path: string; init?: () => RequestInit }[],
): Promise<CacheProbe[]> {
  const results: CacheProbe[] = [];
  for (const probe of probes) {
    const responses = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${nginx.url}${probe.path}`, { redirect: "manual", ...probe.init?.() });
      await response.arrayBuffer();
      responses.push(response);
    }
    const nonces = responses.map(nonceOf);
    results.push({
      what: probe.what,
      statuses: responses.map((response) => response.headers.get("x-cache-status")),
      codes: responses.map((response) => response.status),
      renderedTwice: nonces[0] && nonces[1] ? nonces[0] !== nonces[1] : null,
    });
  }
  return results;
}

/** What must never come from nginx's cache: token pages, the organisers' pages, sign-in, form posts, API writes. */
export function privateProbes(server: Server, token: string) {
  let n = 0;
  const signBody = () =>
    JSON.stringify({
      name: "Nginx Probe",
      email: `nginx-${Date.now()}-${n++}@bench.example.org`,
      country: "GB",
      display: "full",
    });
  const confirm = confirmRequest(server, token);
  return [
    { what: "confirm page", path: `/confirm/${token}` },
    { what: "thank-you page", path: `${PETITION}/thanks` },
    {
      what: "organisers' dashboard",
      path: "/admin",
      init: () => ({ headers: { cookie: `authjs.session-token=${ADMIN_SESSION}` } }),
    },
    { what: "sign-in", path: "/sign-in" },
    {
      what: "JSON API signing (POST)",
      path: `${COUNT_API}/signatures`,
      init: () => ({ method: "POST", headers: { "content-type": "application/json" }, body: signBody() }),
    },
    {
      what: "confirm form post",
      path: confirm.path,
      init: () => ({ method: "POST", headers: confirm.headers, body: confirm.body }),
    },
    {
      what: "form post to the petition page",
      path: PETITION,
      init: () => ({
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
        body: "name=Probe",
      }),
    },
  ];
}
