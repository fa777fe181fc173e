import { expect, test, type APIResponse, type ConsoleMessage } from "@playwright/test";
import { baseURL } from "@/playwright.config";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";

const PETITION = "/petitions/moscow-trials";
const SIGNATURES_API = "/api/petitions/moscow-trials/signatures";
const signatureRows = () =>
  withDatabase((db) => (db.prepare("select count(*) as n from signatures").get() as { n: number }).n);
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

function directives(response: APIResponse): Map<string, string> {
  const policy = response.headers()["content-security-policy"] ?? "";
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(" ")]),
  );
}

/**
 * The headers every response carries; `nonce` is whether it is a page rendered per request whose scripts
 * run by nonce, `cached` whether it is a cached public page (inline scripts allowed, inline handlers not).
 */
function expectSecurityHeaders(
  response: APIResponse,
  what: string,
  { nonce, cached = false }: { nonce: boolean; cached?: boolean },
): string | undefined {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
  expect(headers["strict-transport-security"], `${what}: no HSTS over plain http`).toBeUndefined();
  const csp = directives(response);
  expect(csp.get("default-src"), what).toBe("'self'");
  expect(csp.get("object-src"), what).toBe("'none'");
  expect(csp.get("base-uri"), what).toBe("'none'");
  expect(csp.get("form-action"), what).toBe("'self'");
  expect(csp.get("frame-ancestors"), what).toBe("'none'");
  expect(csp.get("img-src"), what).toBe("'self' data:");
  const scripts = csp.get("script-src") ?? "";
  expect(scripts, what).not.toContain("unsafe-eval");
  const found = scripts.match(/'nonce-([^']+)'/)?.[1];
  if (cached) {
    expect(scripts, `${what}: the cached pages' policy`).toBe("'self' 'unsafe-inline'");
    expect(csp.get("script-src-attr"), `${what}: no inline event handlers`).toBe("'none'");
    return undefined;
  }
  expect(scripts, what).not.toContain("unsafe-inline");
  if (nonce) expect(scripts, `${what}: a nonce and strict-dynamic`).toMatch(/^'self' 'nonce-[^']+' 'strict-dynamic'$/);
  else expect(scripts, what).toBe("'self'");
  return found;
}

test("pages, API answers, static files, errors and admin pages all carry the security headers", async ({ request }) => {
  // The public pages are cached (one page for every reader), so they carry no nonce: docs/caching-and-csp.md.
  const page = await request.get(PETITION);
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page, "petition page", { nonce: false, cached: true });
  expect(page.headers()["cache-control"]).toMatch(/^public, s-maxage=\d+, stale-while-revalidate=\d+$/);
  const html = await page.text();
  for (const russian of ["/ru", "/ru/petitions/moscow-trials", "/privacy", "/delegations/moscow-1989", "/"]) {
    expectSecurityHeaders(await request.get(russian), russian, { nonce: false, cached: true });
  }

  // Pages with a token or personal data render per request: a fresh nonce each time, on every script.
  const resend = await request.get("/resend-confirmation");
  const nonce = expectSecurityHeaders(resend, "resend-confirmation page", { nonce: true });
  expect(resend.headers()["cache-control"]).toContain("no-store");
  const scriptTags = (await resend.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag, "every script carries this response's nonce").toContain(`nonce="${nonce}"`);
  const again = expectSecurityHeaders(await request.get("/resend-confirmation"), "again", { nonce: true });
  expect(again, "a fresh nonce per response").not.toBe(nonce);

  expectSecurityHeaders(await request.get("/api/petitions/moscow-trials"), "count endpoint", { nonce: false });
  const chunk = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(chunk).toBeTruthy();
  const asset = await request.get(chunk!);
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset, "build asset", { nonce: false });
  expectSecurityHeaders(await request.get("/robots.txt"), "file in public/", { nonce: false });

  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, "404 page", { nonce: true });
  const missingFile = await request.get("/no-such-file.png");
  expect(missingFile.status()).toBe(404);
  expectSecurityHeaders(missingFile, "404 for a file", { nonce: false });

  const anonymousAdmin = await request.get("/admin", { maxRedirects: 0 });
  expect(anonymousAdmin.status()).toBe(307);
  expectSecurityHeaders(anonymousAdmin, "admin redirect", { nonce: true });

  // A confirmation link holds its token in the URL: no referrer leaves that page for another site.
  const confirm = await request.get(`/confirm/${"A".repeat(43)}`);
  expectSecurityHeaders(confirm, "confirm page", { nonce: true });
  expect(confirm.headers()["referrer-policy"]).toBe("same-origin");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

function recordViolations(messages: string[]) {
  return (message: ConsoleMessage) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply)/i.test(message.text())) messages.push(message.text());
  };
}

test("the page's scripts run under the policy, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", recordViolations(violations));
  const response = await page.goto(PETITION);
  expect(response?.headers()["content-security-policy"]).toContain("'unsafe-inline'");
  // Marks this document: a full page load (the no-JavaScript path) would lose the mark.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.locator(".error-summary")).toContainText("There are problems with your signature");
  expect(
    await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    "answered by the client component",
  ).toBe(true);

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/ru/petitions/moscow-trials");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const resend = await page.goto("/resend-confirmation");
  expect(resend?.headers()["content-security-policy"]).toContain("'nonce-");
  expect(await page.evaluate(() => "__next_f" in self), "the nonce'd inline scripts ran").toBe(true);
  expect(violations).toEqual([]);
});

test("cross-site posts to the JSON API get a 403 and store nothing", async ({ request }) => {
  const before = signatureRows();
  const body = () => JSON.stringify({ name: "Cross Site", email: unique("csrf-api"), country: "FR", display: "full" });
  const cases: { headers: Record<string, string>; label: string }[] = [
    { label: "another origin", headers: { origin: "https://attacker.example", "content-type": "application/json" } },
    { label: "an opaque origin", headers: { origin: "null", "content-type": "application/json" } },
    {
      label: "a cross-site fetch without Origin",
      headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
    },
    {
      label: "a form-like text/plain post",
      headers: { origin: "https://attacker.example", "content-type": "text/plain" },
    },
  ];
  for (const { label, headers } of cases) {
    const response = await request.post(SIGNATURES_API, { data: body(), headers });
    expect(response.status(), label).toBe(403);
    expect(response.headers()["content-type"], label).toContain("application/json");
    expect((await response.json()).error, label).toMatch(/another website/);
  }
  expect(signatureRows()).toBe(before);

  // The site's own origin, and programs that send no Origin at all, still sign.
  const sameOrigin = await request.post(SIGNATURES_API, {
    data: body(),
    headers: { origin: baseURL, "content-type": "application/json" },
  });
  expect(sameOrigin.status()).toBe(202);
  expect(signatureRows()).toBe(before + 1);
});

test("a form on another site cannot sign through the API or the page", async ({ page }) => {
  const before = signatureRows();
  const attacker = "http://attacker.test";
  // A text/plain form is how another site forges a JSON body: the field name carries the JSON.
  const payload = `{"name":"Forged","email":"${unique("forged")}","country":"FR","display":"full","x":"`;
  const forms: Record<string, string> = {
    "/api": `<form method="post" action="${baseURL}${SIGNATURES_API}" enctype="text/plain"><input name='${payload}' value='"}'>`,
    "/page": `<form method="post" action="${baseURL}${PETITION}" enctype="multipart/form-data"><input name="name" value="Forged">`,
  };
  await page.route(`${attacker}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `${forms[new URL(route.request().url()).pathname]}<button>Go</button></form>`,
    }),
  );
  for (const [path, expected] of [
    ["/api", /another website/],
    ["/page", /only be sent from this site/],
  ] as const) {
    await page.goto(`${attacker}${path}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(baseURL)),
      page.getByRole("button", { name: "Go" }).click(),
    ]);
    expect(response.status(), path).toBe(403);
    expect(await response.text(), path).toMatch(expected);
  }
  expect(signatureRows()).toBe(before);
});

test("the organisers' session cookie is HttpOnly and SameSite=Lax, and their pages run under the policy", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", recordViolations(violations));
  await signInAsAdmin(page);
  const cookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes("authjs."));
  const session = cookies.find((cookie) => cookie.name === "authjs.session-token");
  expect(session, "the session cookie").toBeTruthy();
  for (const cookie of cookies) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Lax");
    expect(cookie.secure, `${cookie.name}: Secure only when APP_URL is https`).toBe(false);
  }
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  const admin = await page.request.get("/admin/signatures");
  expect(admin.status()).toBe(200);
  expectSecurityHeaders(admin, "admin page", { nonce: true });
  await page.goto("/admin/documents/moscow-trials");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
