import { describe, expect, it } from "vitest";
import { isDisposableEmail } from "./disposable-email";
import { signatureInputSchema } from "./signature-input";

describe("disposable email domains", () => {
  it("recognises listed domains and their subdomains, not ordinary ones", () => {
    expect(isDisposableEmail("someone@mailinator.com")).toBe(true);
    expect(isDisposableEmail("someone@MAILINATOR.com")).toBe(true);
    expect(isDisposableEmail("someone@gmail.com")).toBe(false);
    expect(isDisposableEmail("someone@example.org")).toBe(false);
  });

  it("refuses them at signing with a clear message in the signer's language", () => {
    const input = { name: "A", email: "a@mailinator.com", country: "FR", display: "full" };
    const en = signatureInputSchema("en").safeParse(input);
    const ru = signatureInputSchema("ru").safeParse(input);
    expect(en.success || en.error.issues[0].message).toMatch(/permanent email address/);
    expect(ru.success || ru.error.issues[0].message).toMatch(/постоянный адрес/);
  });
});
