import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { isCachedPublicPage } from "@/lib/cached-pages";
import { prefersLanguagePattern } from "@/lib/i18n/first-visit";
import { config } from "./proxy";

const runs = (path: string, headers: Record<string, string> = {}, cookies?: Record<string, string>) =>
  unstable_doesMiddlewareMatch({ config, url: `http://localhost${path}`, headers, cookies });
const RUSSIAN_BROWSER = { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" };

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

  it("takes a first visit to an English cached page from a browser that prefers Russian, to redirect it", () => {
    for (const path of ["/", "/petitions/moscow-trials", "/delegations", "/delegations/moscow-1989", "/privacy"]) {
      expect(runs(path, RUSSIAN_BROWSER), path).toBe(true);
      expect(runs(path, RUSSIAN_BROWSER, { NEXT_LOCALE: "en" }), `${path} with a language cookie`).toBe(false);
      expect(runs(path, { "accept-language": "en-GB,en;q=0.9,ru;q=0.8" }), `${path} English first`).toBe(false);
    }
    expect(runs("/ru/petitions/moscow-trials", RUSSIAN_BROWSER)).toBe(false);
    const written = config.matcher.flatMap((entry) => (typeof entry === "object" ? entry.has : []));
    expect(written.map((condition) => ("value" in condition ? condition.value : null))).toContain(
      prefersLanguagePattern("ru"),
    );
  });

  it("leaves out files, build assets, the JSON API and social cards", () => {
    for (const path of ["/robots.txt", "/_next/static/chunks/a.js", "/api/health", "/og/petitions/moscow-trials"]) {
      expect(runs(path), path).toBe(false);
    }
  });

  it("leaves out the JSON API's writes, which check their origin, size and body themselves", () => {
    const json = { "content-type": "application/json", origin: "https://elsewhere.example" };
    for (const path of [
      "/api/petitions/moscow-trials/signatures",
      "/api/letters/family-letter/signatures",
      "/api/v1/petitions/1/signatures",
      "/api/unsubscribe/abc",
    ]) {
      expect(runs(path, json), path).toBe(false);
    }
    // The confirm button's route checks a form's origin, size and type itself (app/api/confirm/route.ts).
    expect(runs("/api/confirm", { "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    // A form post to a page still goes through it: server actions do not check all of that themselves.
    expect(runs("/confirm/abc", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
  });
});
