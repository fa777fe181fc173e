import { expect, test, type APIRequestContext } from "@playwright/test";
import { nginxBinary, startNginx } from "@/bench/nginx";
import { freePort, type Server } from "@/bench/servers";
import { signInAsAdmin } from "@/e2e/support/admin";
import { baseURL } from "@/playwright.config";

// The documented nginx configuration (docs/nginx.conf) run for real in front of the test server: what it
// serves from its cache, and what must reach the app every time.
test.skip(!nginxBinary(), "nginx is not installed (apt-get install -y nginx): the reverse-proxy test needs it");

const FROM_CACHE = /^(HIT|STALE|UPDATING)$/;
let nginx: Server;

test.beforeAll(async () => {
  nginx = await startNginx({ port: await freePort(), appPort: Number(new URL(baseURL).port) });
});
test.afterAll(async () => nginx?.stop());

const nonce = (headers: Record<string, string>) => headers["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];

async function twice(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const options = { headers, maxRedirects: 0 };
  const first = await request.get(`${nginx.url}${path}`, options);
  const second = await request.get(`${nginx.url}${path}`, options);
  return [first, second];
}

test("the count endpoint and the public pages the app marks shareable are served from nginx's cache", async ({
  request,
}) => {
  const [, count] = await twice(request, "/api/petitions/moscow-trials");
  expect(count.headers()["cache-control"]).toMatch(/s-maxage=/);
  expect(count.headers()["x-cache-status"]).toMatch(FROM_CACHE);

  for (const path of ["/petitions/moscow-trials", "/ru/petitions/moscow-trials", "/privacy"]) {
    const [first, second] = await twice(request, path);
    expect(first.status()).toBe(200);
    const cacheControl = first.headers()["cache-control"] ?? "";
    if (/\bpublic\b/.test(cacheControl)) {
      // nginx (and CDNs) never keep a response that sets a cookie: a page meant for the cache must not.
      expect(first.headers()["set-cookie"], `${path} is public but sets a cookie`).toBeUndefined();
      expect(second.headers()["x-cache-status"], path).toMatch(FROM_CACHE);
    } else {
      // The app says private, no-store: nginx must not keep it, and the app renders it again.
      const note = { type: "not cacheable yet", description: `${path}: Cache-Control ${cacheControl}` };
      test.info().annotations.push(note);
      expect(second.headers()["x-cache-status"], path).toBe("MISS");
      expect(nonce(second.headers())).not.toBe(nonce(first.headers()));
    }
  }
});

test("token pages, the organisers' pages and sign-in reach the app every time", async ({ page, request }) => {
  test.slow(); // signing in by email, then ten page renders: on a loaded machine, more than the default
  await signInAsAdmin(page);
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  const cases: [string, Record<string, string>][] = [
    ["/confirm/bench-nginx-token-that-matches-no-signature", {}],
    ["/admin", { cookie: `${session!.name}=${session!.value}` }],
    ["/admin/signatures", { cookie: `${session!.name}=${session!.value}` }],
    ["/sign-in", {}],
    ["/petitions/moscow-trials/thanks", {}],
  ];
  for (const [path, headers] of cases) {
    const [first, second] = await twice(request, path, headers);
    expect(first.status(), path).toBeLessThan(500);
    if (path.startsWith("/admin")) await expect(second.text()).resolves.toContain("Organisers");
    expect(second.headers()["x-cache-status"], path).toBeUndefined();
    expect(second.headers()["cache-control"], path).toMatch(/no-store/);
    // A new nonce: the app rendered the page again rather than anything replaying the first.
    expect(nonce(second.headers()), path).toBeDefined();
    expect(nonce(second.headers()), path).not.toBe(nonce(first.headers()));
  }
});

test("form posts and the API's writes are never answered from the cache", async ({ request }) => {
  const sign = (email: string) =>
    request.post(`${nginx.url}/api/petitions/moscow-trials/signatures`, {
      data: { name: "Nginx Tester", email, country: "GB", display: "full" },
    });
  for (const email of [`nginx-a-${Date.now()}@example.org`, `nginx-b-${Date.now()}@example.org`]) {
    const response = await sign(email);
    expect(response.status()).toBe(202);
    expect(response.headers()["x-cache-status"]).toBeUndefined();
  }
  // A form post to a cached address (the petition page) goes to the app, which answers it itself.
  for (let i = 0; i < 2; i++) {
    const response = await request.post(`${nginx.url}/petitions/moscow-trials`, {
      headers: { origin: nginx.url, "content-type": "application/x-www-form-urlencoded" },
      data: "name=Nginx+Tester",
      maxRedirects: 0,
    });
    expect(response.headers()["x-cache-status"] ?? "none", `form post ${i + 1}`).not.toMatch(FROM_CACHE);
  }
});
