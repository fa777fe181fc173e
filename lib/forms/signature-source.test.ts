import { describe, expect, it } from "vitest";
import { embedSource, normaliseSource, sourceInUrl, sourceLabel } from "./signature-source";

describe("normaliseSource", () => {
  it("keeps short labels, lowercased", () => {
    expect(normaliseSource("Newsletter-2026_03.x")).toBe("newsletter-2026_03.x");
    expect(normaliseSource("  memorial ")).toBe("memorial");
  });

  it("keeps an embed source with a web origin", () => {
    expect(normaliseSource("embed:https://history.example.org")).toBe("embed:https://history.example.org");
    expect(normaliseSource("embed:http://127.0.0.1:4111")).toBe("embed:http://127.0.0.1:4111");
  });

  it("drops anything else instead of failing", () => {
    for (const bad of [
      "",
      "a b",
      "x".repeat(65),
      "<script>",
      "embed:javascript:alert(1)",
      "embed:https://a.org/path",
      42,
      null,
    ]) {
      expect(normaliseSource(bad)).toBeNull();
    }
  });

  it("takes only a label as the JSON API's source, never an embed's name", () => {
    expect(sourceLabel(" Newsletter-Dec ")).toBe("newsletter-dec");
    for (const bad of ["embed:https://partner.example", "api:abc", "a b", "", "x".repeat(65), 7, null]) {
      expect(sourceLabel(bad)).toBeNull();
    }
  });

  it("reads ?source= from an address and names embeds by their site", () => {
    expect(sourceInUrl("https://site.example/petitions/x?source=Mailing")).toBe("mailing");
    expect(sourceInUrl("https://site.example/petitions/x?source=a%20b")).toBeNull();
    expect(sourceInUrl("not a url")).toBeNull();
    expect(embedSource("https://partner.example")).toBe("embed:https://partner.example");
    expect(embedSource(null)).toBe("embed");
  });
});
