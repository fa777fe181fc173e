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
