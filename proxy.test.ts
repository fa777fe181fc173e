import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { isCachedPublicPage } from "@/lib/cached-pages";
import { config } from "./proxy";

const runs = (path: string, headers: Record<string, string> = {}) =>
  unstable_doesMiddlewareMatch({ config, url: `http://localhost${path}`, headers });

const cached = [
  "/",
  "/ru",
  "/petitions/moscow-trials",
  "/ru/petitions/moscow-trials",
  "/letters/family-letter",
  "/ru/letters/family-letter",
  "/delegations",
  "/ru/delegations",
  "/delegations/moscow-1989",
  "/ru/delegations/moscow-1989",
  "/privacy",
  "/ru/privacy",
];
const perRequest = [
  "/en",
  "/en/petitions/moscow-trials",
  "/petitions",
  "/petitions/moscow-trials/thanks",
  "/ru/petitions/moscow-trials/sent",
  "/confirm/abc",
  "/ru/confirm/abc",
  "/signature/1.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq",
  "/unsubscribe/abc",
  "/resend-confirmation",
  "/admin",
  "/admin/documents",
  "/sign-in",
  "/dev/mail",
  "/rust",
  "/delegations/moscow-1989/extra",
  "/privacy/more",
];

describe("the proxy's matcher", () => {
  it("leaves out the views of exactly the cached public pages (next.config gives them their headers)", () => {
    for (const path of cached) {
      expect(isCachedPublicPage(path), path).toBe(true);
      expect(runs(path), path).toBe(false);
    }
  });

  it("takes every page rendered per request, for its nonce", () => {
    for (const path of perRequest) {
      expect(isCachedPublicPage(path) && !path.startsWith("/en"), path).toBe(false);
      expect(runs(path), path).toBe(true);
    }
  });

  it("takes form posts to cached pages and percent-encoded addresses", () => {
    expect(runs("/petitions/moscow-trials", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    expect(runs("/ru/petitions/moscow-trials", { "content-type": "text/plain" })).toBe(true);
    expect(runs("/petitions/%00")).toBe(true);
  });

  it("leaves out files, build assets, the JSON API and social cards", () => {
    for (const path of ["/robots.txt", "/_next/static/chunks/a.js", "/api/health", "/og/petitions/moscow-trials"]) {
      expect(runs(path), path).toBe(false);
    }
  });
});
