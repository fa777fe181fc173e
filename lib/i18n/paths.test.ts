import { describe, expect, it } from "vitest";
import { localePath, withoutLocale } from "./paths";

describe("addresses in each language", () => {
  it("keeps English unprefixed and puts other languages under their code", () => {
    expect(localePath("en", "/petitions/moscow-trials")).toBe("/petitions/moscow-trials");
    expect(localePath("ru", "/petitions/moscow-trials")).toBe("/ru/petitions/moscow-trials");
    expect(localePath("ru", "/")).toBe("/ru");
  });

  it("joins a fragment or query on the home page to the language's home address", () => {
    expect(localePath("ru", "/#documents-heading")).toBe("/ru#documents-heading");
    expect(localePath("ru", "/?from=mail")).toBe("/ru?from=mail");
    expect(localePath("en", "/#documents-heading")).toBe("/#documents-heading");
  });

  it("takes the language back off", () => {
    expect(withoutLocale("/ru/letters/family-letter")).toBe("/letters/family-letter");
    expect(withoutLocale("/ru")).toBe("/");
  });
});
