import { describe, expect, it } from "vitest";
import { preferredLanguage } from "./first-visit";

describe("preferredLanguage", () => {
  it("takes the first of the site's languages the browser lists", () => {
    expect(preferredLanguage("ru-RU,ru;q=0.9,en;q=0.5")).toBe("ru");
    expect(preferredLanguage("en-GB,en;q=0.9,ru;q=0.8")).toBe("en");
    expect(preferredLanguage("de-DE, de;q=0.9, RU;q=0.7, en;q=0.5")).toBe("ru");
    expect(preferredLanguage("fr, *;q=0.5, ru-UA;q=0.3")).toBe("ru");
    expect(preferredLanguage("ru")).toBe("ru");
  });

  it("skips a language refused with q=0", () => {
    expect(preferredLanguage("ru;q=0, en;q=0.5")).toBe("en");
    expect(preferredLanguage("ru;q=0.0")).toBeNull();
    expect(preferredLanguage("ru;q=0.05")).toBe("ru");
  });

  it("does not mistake other languages or words for ours", () => {
    expect(preferredLanguage("rue, ens")).toBeNull();
    expect(preferredLanguage("de, fr;q=0.8")).toBeNull();
    expect(preferredLanguage("")).toBeNull();
    expect(preferredLanguage(null)).toBeNull();
  });

  it("answers a long hostile header quickly", () => {
    const started = Date.now();
    expect(preferredLanguage(`${"xx;q=0.1,".repeat(5000)}ru`)).toBe("ru");
    expect(preferredLanguage(`${"ru;q=0,".repeat(5000)}`)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
