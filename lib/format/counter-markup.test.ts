import { describe, expect, it } from "vitest";
import { badgeSvg, counterHtml } from "./counter-markup";

describe("counter widgets", () => {
  it("escapes every value in the counter page and the badge", () => {
    const html = counterHtml({
      language: "en",
      title: '<script>alert("x")</script>',
      count: "1,234 confirmed signatures",
      goal: "of 10,000",
      link: 'https://site.example/petitions/x?a="b"',
      linkLabel: "Sign",
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&quot;b&quot;");
    expect(html).toContain("1,234 confirmed signatures");
    const svg = badgeSvg("Signatures", "<1&2>");
    expect(svg).toContain("&lt;1&amp;2&gt;");
    expect(svg.startsWith("<svg")).toBe(true);
  });
});
