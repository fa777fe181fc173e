import { describe, expect, it } from "vitest";
import { languageCookieOptions } from "./language-cookie";

describe("the language cookie", () => {
  it("is Secure when the site's address is https, like the auth cookies", () => {
    expect(languageCookieOptions("https://delegation.example.org")).toMatchObject({ secure: true, sameSite: "lax" });
  });

  it("is not Secure on a plain-http address, where a browser would drop a Secure cookie", () => {
    expect(languageCookieOptions("http://localhost:3000").secure).toBe(false);
    expect(languageCookieOptions("").secure).toBe(false);
  });
});
