import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CACHED_PAGE_CACHE_CONTROL } from "@/lib/cached-pages";
import { COPY_MS, copyKey, createPageCopies } from "./page-copies";

const request = (url: string, headers: IncomingMessage["headers"] = {}, method = "GET") =>
  ({ method, url, headers }) as IncomingMessage;

describe("which requests a page copy may answer", () => {
  it("takes plain page views of the cached public pages, in every language, with their query", () => {
    for (const url of ["/", "/ru", "/petitions/moscow-trials", "/ru/letters/family-letter", "/privacy?source=x"]) {
      expect(copyKey(request(url)), url).not.toBeNull();
    }
  });

  it("leaves to Next the pages that carry a token or personal data, the API, the admin and Next's files", () => {
    for (const url of ["/confirm/abc", "/signature/abc.def", "/petitions/moscow-trials/thanks", "/admin", "/sign-in"]) {
      expect(copyKey(request(url)), url).toBeNull();
    }
    for (const url of ["/api/petitions/moscow-trials", "/_next/static/x.js", "/robots.txt"]) {
      expect(copyKey(request(url)), url).toBeNull();
    }
  });

  it("leaves to Next form posts, requests with a body, client navigations and encoded addresses", () => {
    expect(copyKey(request("/petitions/moscow-trials", {}, "POST"))).toBeNull();
    expect(copyKey(request("/petitions/moscow-trials", {}, "HEAD"))).toBeNull();
    expect(copyKey(request("/petitions/moscow-trials", { "content-type": "text/plain" }))).toBeNull();
    expect(copyKey(request("/petitions/moscow-trials", { "content-length": "10" }))).toBeNull();
    expect(copyKey(request("/petitions/moscow-trials", { rsc: "1" }))).toBeNull();
    expect(copyKey(request("/petitions/moscow-trials", { "next-router-prefetch": "1" }))).toBeNull();
    expect(copyKey(request("/petitions/%6doscow-trials"))).toBeNull();
  });

  it("leaves to Next a first visit from a browser that prefers Russian, which it sends to the Russian page", () => {
    expect(copyKey(request("/petitions/moscow-trials", { "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" }))).toBeNull();
    expect(
      copyKey(request("/petitions/moscow-trials", { "accept-language": "ru", cookie: "a=1; NEXT_LOCALE=en" })),
    ).not.toBeNull();
    expect(copyKey(request("/petitions/moscow-trials", { "accept-language": "en-GB,en;q=0.9" }))).not.toBeNull();
  });

  it("keeps a copy per way of asking for compression", () => {
    const plain = copyKey(request("/privacy"));
    const gzip = copyKey(request("/privacy", { "accept-encoding": "gzip" }));
    expect(plain).not.toEqual(gzip);
  });
});

describe("page copies in front of a real HTTP server", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next: counts what it renders and answers as it would for a cached page. */
  async function start(answer: (response: http.ServerResponse, n: number) => void = cachedPage) {
    let time = 1_000_000;
    let changedAt = 0;
    const copies = createPageCopies({ now: () => time, changedAt: () => changedAt });
    let rendered = 0;
    server = http.createServer((req, res) => {
      if (!copies.answer(req, res)) answer(res, ++rendered);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      get: (path: string, headers: Record<string, string> = {}) => fetch(url + path, { headers }),
      rendered: () => rendered,
      advance: (ms: number) => (time += ms),
      change: () => (changedAt = time),
    };
  }

  function cachedPage(response: http.ServerResponse, n: number) {
    response.setHeader("cache-control", CACHED_PAGE_CACHE_CONTROL);
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("x-nextjs-cache", "HIT");
    response.write(`<p>rendering ${n}, `);
    response.end("Подпишите петицию</p>");
  }

  it("sends the same page, headers and all, without asking Next again within a second", async () => {
    const app = await start();
    const page = "<p>rendering 1, Подпишите петицию</p>";
    expect(await (await app.get("/petitions/moscow-trials")).text()).toBe(page);
    const second = await app.get("/petitions/moscow-trials");
    expect(await second.text()).toBe(page);
    expect(app.rendered()).toBe(1);
    expect(second.headers.get("cache-control")).toBe(CACHED_PAGE_CACHE_CONTROL);
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(second.headers.get("age")).toBe("0");
    expect(Number(second.headers.get("content-length"))).toBe(Buffer.byteLength(page));
  });

  it("asks Next again once the copy is a second old, and at once after public content changed", async () => {
    const app = await start();
    await app.get("/privacy");
    app.advance(COPY_MS - 1);
    expect(await (await app.get("/privacy")).text()).toContain("rendering 1,");
    app.advance(1);
    expect(await (await app.get("/privacy")).text()).toContain("rendering 2,");
    app.change();
    app.advance(1);
    expect(await (await app.get("/privacy")).text()).toContain("rendering 3,");
    expect(await (await app.get("/privacy")).text()).toContain("rendering 3,");
  });

  it("sends a hard reload (no-cache) to Next, and keeps what Next answered it", async () => {
    const app = await start();
    await app.get("/privacy");
    expect(await (await app.get("/privacy", { "cache-control": "no-cache" })).text()).toContain("rendering 2,");
    expect(await (await app.get("/privacy")).text()).toContain("rendering 2,");
  });

  it("keeps no answer that is not shareable, sets a cookie, or is not a 200", async () => {
    const app = await start((response, n) => {
      if (n === 1) response.setHeader("cache-control", "private, no-store");
      if (n === 2) {
        response.setHeader("cache-control", CACHED_PAGE_CACHE_CONTROL);
        response.setHeader("set-cookie", "NEXT_LOCALE=ru");
      }
      if (n === 3) {
        response.statusCode = 404;
        response.setHeader("cache-control", CACHED_PAGE_CACHE_CONTROL);
      }
      response.end(`rendering ${n}`);
    });
    for (let n = 1; n <= 3; n++) await app.get("/privacy");
    expect(await (await app.get("/privacy")).text()).toBe("rendering 4");
    expect(app.rendered()).toBe(4);
  });

  it("keeps each page and each query apart", async () => {
    const app = await start();
    await app.get("/privacy");
    expect(await (await app.get("/privacy?source=x")).text()).toContain("rendering 2,");
    expect(await (await app.get("/ru/privacy")).text()).toContain("rendering 3,");
    expect(await (await app.get("/privacy")).text()).toContain("rendering 1,");
  });
});
