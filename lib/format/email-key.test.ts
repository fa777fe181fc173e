import { describe, expect, it } from "vitest";
import { emailKey } from "./email-key";

describe("emailKey", () => {
  it("lower-cases the whole address", () => {
    expect(emailKey("Vera.Ivanova@Example.ORG")).toBe("vera.ivanova@example.org");
  });

  it("drops a +tag from any provider", () => {
    expect(emailKey("jean+petitions@example.fr")).toBe("jean@example.fr");
  });

  it("removes dots in Gmail local parts and treats googlemail.com as gmail.com", () => {
    expect(emailKey("V.E.R.A+x@GoogleMail.com")).toBe("vera@gmail.com");
    expect(emailKey("vera@gmail.com")).toBe(emailKey("v.era+moscow@gmail.com"));
  });

  it("keeps dots for other providers, where they matter", () => {
    expect(emailKey("a.b@example.org")).not.toBe(emailKey("ab@example.org"));
  });

  it("ignores surrounding spaces", () => {
    expect(emailKey("  someone@example.org ")).toBe("someone@example.org");
  });
});
