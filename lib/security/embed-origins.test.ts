import { describe, expect, it } from "vitest";
import { embedFrameAncestors, parseOriginList, webOrigin } from "./embed-origins";

describe("embed allow-lists", () => {
  it("accepts origins only, one per line, space or comma", () => {
    expect(parseOriginList("https://a.example\nhttp://127.0.0.1:4111, https://B.example/")).toEqual({
      ok: true,
      origins: ["https://a.example", "http://127.0.0.1:4111", "https://b.example"],
    });
    expect(parseOriginList("")).toEqual({ ok: true, origins: [] });
  });

  it("names every entry that is not an origin", () => {
    expect(parseOriginList("https://a.example/path ftp://b.example 'self' *; https://ok.example")).toEqual({
      ok: false,
      invalid: ["https://a.example/path", "ftp://b.example", "'self'", "*;"],
    });
  });

  it("lets any web page frame a campaign without a list, only the listed ones otherwise", () => {
    expect(embedFrameAncestors(null)).toBe("http: https:");
    expect(embedFrameAncestors("https://a.example https://b.example")).toBe(
      "'self' https://a.example https://b.example",
    );
    expect(embedFrameAncestors(undefined)).toBe("'none'");
    expect(webOrigin("javascript:alert(1)")).toBeNull();
  });
});
