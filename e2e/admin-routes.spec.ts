import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, grantRole, signInAsAdmin } from "@/e2e/support/admin";

/**
 * Every admin page and admin route handler found under app/, so that one added later is covered
 * without editing this test. Route groups "(x)" vanish from URLs; dynamic segments get a sample value.
 */
function discoverRoutes(dir = path.resolve("app"), segments: string[] = []): { url: string; kind: "page" | "route" }[] {
  const found: { url: string; kind: "page" | "route" }[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith("_")) continue; // private folders hold components, not routes
      const segment = /^\(.*\)$/.test(entry)
        ? null
        : entry.replace(/^\[\.\.\.(.+)\]$/, "sample").replace(/^\[(.+)\]$/, "1");
      found.push(...discoverRoutes(full, segment === null ? segments : [...segments, segment]));
    } else if (/^page\.tsx?$/.test(entry) || /^route\.tsx?$/.test(entry)) {
      found.push({ url: `/${segments.join("/")}`, kind: entry.startsWith("page") ? "page" : "route" });
    }
  }
  return found;
}

const adminRoutes = discoverRoutes().filter(
  ({ url }) => url === "/admin" || url.startsWith("/admin/") || url.startsWith("/api/admin/"),
);

test("the route list covers the organisers' pages and API", () => {
  const urls = adminRoutes.map((route) => route.url);
  for (const expected of [
    "/admin",
    "/admin/signatures",
    "/admin/signatures/1",
    "/admin/audit",
    "/admin/mail",
    "/api/admin/export",
  ]) {
    expect(urls).toContain(expected);
  }
});

for (const route of adminRoutes) {
  test(`anonymous ${route.kind} ${route.url} is refused`, async ({ request }) => {
    if (route.kind === "route") {
      for (const method of ["GET", "POST"] as const) {
        const response = await request.fetch(route.url, { method, maxRedirects: 0, failOnStatusCode: false });
        expect([401, 405], `${method} ${route.url}`).toContain(response.status());
        if (response.status() === 401) expect(response.headers()["content-type"]).toContain("application/json");
      }
      return;
    }
    // Without a cookie the proxy sends people to sign in...
    const anonymous = await request.get(route.url, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
    expect(anonymous.headers().location).toContain("/sign-in");
    // ...and with a forged cookie that gets past the proxy, the page refuses by itself.
    const forged = await request.get(route.url, {
      maxRedirects: 0,
      headers: { cookie: "authjs.session-token=forged" },
    });
    expect([307, 303]).toContain(forged.status());
    expect(forged.headers().location).toContain("/sign-in");
    expect(await forged.text()).not.toContain("admin-nav");
  });
}

// The least role each admin page opens; every other page needs an organiser. Route handlers all need one.
const moderatorPages = new Set([
  "/admin",
  "/admin/review",
  "/admin/signatures",
  "/admin/signatures/1",
  "/admin/not-allowed",
]);
const ownerPages = new Set(["/admin/organisers"]);
const roles = ["owner", "organiser", "moderator"] as const;
type Role = (typeof roles)[number];

function opens(role: Role, route: { url: string; kind: "page" | "route" }): boolean {
  if (role === "owner") return true;
  if (ownerPages.has(route.url)) return false;
  return role === "organiser" || (route.kind === "page" && moderatorPages.has(route.url));
}

for (const role of roles) {
  test(`signed in as ${role}, every admin page and route answers as the role allows`, async ({ page }) => {
    test.setTimeout(180_000); // every admin page, rendered once each
    const email = role === "owner" ? ADMIN_EMAIL : `routes-${role}-${Date.now()}@localhost`;
    if (role !== "owner") grantRole(email, role);
    await signInAsAdmin(page, email);
    for (const route of adminRoutes) {
      const allowed = opens(role, route);
      const label = `${role} ${route.kind} ${route.url}`;
      if (route.kind === "route") {
        for (const method of ["GET", "POST"] as const) {
          const response = await page.request.fetch(route.url, { method, maxRedirects: 0, failOnStatusCode: false });
          if (allowed) expect([200, 400, 404, 405], `${method} ${label}`).toContain(response.status());
          else expect([403, 405], `${method} ${label}`).toContain(response.status());
        }
        continue;
      }
      const response = await page.request.get(route.url, { maxRedirects: 0, failOnStatusCode: false });
      if (allowed && route.url === "/admin/delegation") {
        // The old one-delegation page leads to the first delegation's page.
        expect(response.status(), label).toBe(307);
        expect(response.headers().location, label).toMatch(/^\/admin\/delegations\//);
      } else if (allowed) {
        expect([200, 404], label).toContain(response.status());
        expect(await response.text(), label).toContain("admin-nav");
      } else {
        expect([303, 307], label).toContain(response.status());
        expect(response.headers().location, label).toContain("/admin/not-allowed");
      }
    }
  });
}
