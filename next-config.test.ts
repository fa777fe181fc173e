import { unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import nextConfig from "./next.config";

const respond = (path: string, headers: Record<string, string> = {}, cookies?: Record<string, string>) =>
  unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig, headers, cookies });

const RUSSIAN_BROWSER = { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" };

// The cached pages' views never reach proxy.ts, so next.config gives them what the proxy gave them.
describe("next.config for the cached public pages", () => {
  it("gives their views the cached pages' policy and shareable bounds", async () => {
    for (const path of ["/", "/ru", "/petitions/moscow-trials", "/ru/delegations/moscow-1989", "/privacy"]) {
      const response = await respond(path, { "accept-language": "en" });
      expect(response.headers.get("cache-control"), path).toBe("public, s-maxage=5, stale-while-revalidate=5");
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self' 'unsafe-inline'");
      expect(response.headers.get("content-security-policy"), path).toContain("script-src-attr 'none'");
    }
  });

  it("leaves form posts and token pages to the proxy's nonce and Next's no-store", async () => {
    const post = await respond("/petitions/moscow-trials", { "content-type": "multipart/form-data; boundary=x" });
    expect(post.headers.get("cache-control")).toBeNull();
    for (const path of ["/confirm/abc", "/petitions/moscow-trials/thanks", "/admin", "/sign-in"]) {
      const response = await respond(path);
      expect(response.headers.get("cache-control"), path).toBeNull();
      expect(response.headers.get("content-security-policy"), path).not.toContain("script-src 'self' 'unsafe-inline'");
    }
  });

  it("marks a first visit from a Russian browser private: proxy.ts answers it with a redirect", async () => {
    const response = await respond("/petitions/moscow-trials", RUSSIAN_BROWSER);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const russianPage = await respond("/ru/petitions/moscow-trials", RUSSIAN_BROWSER);
    expect(russianPage.headers.get("cache-control")).toMatch(/^public, /);
  });

  it("keeps the page shareable for a reader with a language cookie or an English browser", async () => {
    const remembered = await respond("/petitions/moscow-trials", RUSSIAN_BROWSER, { NEXT_LOCALE: "en" });
    expect(remembered.headers.get("cache-control")).toMatch(/^public, /);
    const english = await respond("/petitions/moscow-trials", { "accept-language": "en-GB,ru;q=0.5" });
    expect(english.headers.get("cache-control")).toMatch(/^public, /);
  });
});

describe("next.config's header rules", () => {
  it("give the cached pages' bounds to exactly the cached pages' views", async () => {
    const notCached = ["/en", "/petitions", "/petitions/moscow-trials/sent", "/ru/delegations/moscow-1989/x", "/rust"];
    for (const path of [...notCached, "/privacy/more", "/about", "/api/health"]) {
      expect((await respond(path)).headers.get("cache-control"), path).toBeNull();
    }
    for (const path of ["/letters/family-letter", "/ru/letters/family-letter", "/ru/privacy", "/delegations"]) {
      expect((await respond(path)).headers.get("cache-control"), path).toMatch(/^public, s-maxage=5,/);
    }
  });

  it("mark the count endpoint and the badges shareable for 2 seconds", async () => {
    for (const path of ["/api/petitions/moscow-trials", "/badge/letters/family-letter.svg"]) {
      expect((await respond(path)).headers.get("cache-control"), path).toBe(
        "public, s-maxage=2, stale-while-revalidate=8",
      );
    }
    expect((await respond("/api/petitions/moscow-trials/stamp")).headers.get("cache-control")).toBeNull();
  });

  it("send no referrer to other sites from the pages whose address holds a token", async () => {
    const tokenPages = [
      "/confirm/abc",
      "/ru/confirm/abc",
      "/signature/1.abc",
      "/ru/signature/1.abc",
      "/unsubscribe/abc",
      "/petitions/moscow-trials/thanks",
      "/ru/letters/family-letter/thanks",
      "/api/unsubscribe/abc",
      "/api/auth/callback/resend",
    ];
    for (const path of tokenPages) {
      expect((await respond(path)).headers.get("referrer-policy"), path).toBe("same-origin");
    }
    for (const path of ["/", "/petitions/moscow-trials", "/petitions/moscow-trials/sent", "/api/auth/session"]) {
      expect((await respond(path)).headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("have no named parameters, so Next does not compile their values as templates on every request", async () => {
    const sources = (await nextConfig.headers!()).map((rule) => rule.source);
    for (const source of sources) expect(source, source).not.toMatch(/(?<!\?):[A-Za-z]/);
  });
});
