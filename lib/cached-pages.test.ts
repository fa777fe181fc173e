import { describe, expect, it } from "vitest";
import { isCachedPublicPage, embedPageOf } from "./cached-pages";

describe("isCachedPublicPage", () => {
  it("takes the public pages that hold nothing personal, in every language", () => {
    for (const path of [
      "/",
      "/ru",
      "/petitions/moscow-trials",
      "/ru/letters/family-letter",
      "/delegations",
      "/ru/delegations/moscow-1989",
      "/privacy",
      "/ru/privacy/",
      "/about",
      "/ru/about",
    ]) {
      expect(isCachedPublicPage(path), path).toBe(true);
    }
  });

  it("leaves out token pages, the organisers' section, the API and anything it does not know", () => {
    for (const path of [
      "/petitions",
      "/petitions/moscow-trials/thanks",
      "/ru/petitions/moscow-trials/sent",
      "/confirm/abc",
      "/signature/1.abc",
      "/unsubscribe/abc",
      "/resend-confirmation",
      "/admin",
      "/sign-in",
      "/api/petitions/moscow-trials",
      "/privacy/more",
      "/about/more",
      "/delegations/moscow-1989/extra",
    ]) {
      expect(isCachedPublicPage(path), path).toBe(false);
    }
  });
});

describe("embedPageOf", () => {
  it("names the campaign of an embed page in any language, and nothing else", () => {
    expect(embedPageOf("/embed/petitions/moscow-trials")).toEqual({
      collection: "petitions",
      slug: "moscow-trials",
      counter: false,
    });
    expect(embedPageOf("/ru/embed/letters/family-letter/sent")).toEqual({
      collection: "letters",
      slug: "family-letter",
      counter: false,
    });
    expect(embedPageOf("/embed/petitions/moscow-trials/counter")?.counter).toBe(true);
    for (const path of [
      "/petitions/moscow-trials",
      "/embed/petitions",
      "/embed/petitions/x/thanks",
      "/api/embed/a/b",
    ]) {
      expect(embedPageOf(path)).toBeNull();
    }
  });
});
