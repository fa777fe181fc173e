import { describe, expect, it } from "vitest";
import { fieldErrors, signatureInputFromForm, signatureInputSchema } from "./signature-input";

const valid = { name: "Вера Иванова", email: "vera@example.org", country: "RU", display: "full" };

function errorsFor(input: Record<string, unknown>) {
  const parsed = signatureInputSchema().safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("signature input", () => {
  it("accepts names in any script and trims them", () => {
    for (const name of ["  Вера Иванова ", "José Ñúñez", "李小龙", "Zoë O'Brien-Ødegård"]) {
      const parsed = signatureInputSchema().parse({ ...valid, name });
      expect(parsed.name).toBe(name.trim());
    }
  });

  it("fills optional fields with null and updates with false", () => {
    expect(signatureInputSchema().parse(valid)).toMatchObject({ city: null, comment: null, updates: false });
  });

  it("requires a name of 1 to 120 characters without control characters", () => {
    expect(errorsFor({ ...valid, name: "   " }).name).toBe("Please enter your name.");
    expect(errorsFor({ ...valid, name: "x".repeat(121) }).name).toMatch(/at most 120/);
    expect(errorsFor({ ...valid, name: "x".repeat(120) }).name).toBeUndefined();
    expect(errorsFor({ ...valid, name: "Bad\u0000Name" }).name).toMatch(/not allowed/);
    expect(errorsFor({ ...valid, name: "Bad\nName" }).name).toMatch(/not allowed/);
  });

  it("refuses bidirectional overrides and lone surrogates, and keeps right-to-left names and emoji", () => {
    for (const name of ["Ann\u202egnp.exe", "Ann\u2066x\u2069", "Ann\ud800", "\udc00Ann"]) {
      expect(errorsFor({ ...valid, name }).name, JSON.stringify(name)).toMatch(/not allowed/);
      expect(errorsFor({ ...valid, name: "Ann", comment: name }).comment, JSON.stringify(name)).toMatch(/not allowed/);
    }
    for (const name of ["مريم الحسن", "Zoë 😀", "יעל\u200f כהן"])
      expect(errorsFor({ ...valid, name }).name).toBeUndefined();
  });

  it("requires a valid email of at most 254 characters", () => {
    expect(errorsFor({ ...valid, email: "not-an-email" }).email).toMatch(/valid email/);
    expect(errorsFor({ ...valid, email: `${"a".repeat(64)}@${"b".repeat(186)}.org` }).email).toMatch(/254/);
    expect(errorsFor({ ...valid, email: "" }).email).toBeDefined();
  });

  it("takes only known ISO 3166-1 alpha-2 countries", () => {
    expect(signatureInputSchema().parse({ ...valid, country: "mx" }).country).toBe("MX");
    expect(errorsFor({ ...valid, country: "XX" }).country).toMatch(/choose your country/);
    expect(errorsFor({ ...valid, country: "SU" }).country).toBeDefined();
  });

  it("limits city to 120 and comment to 500 characters; comments may have line breaks", () => {
    expect(errorsFor({ ...valid, city: "c".repeat(121) }).city).toMatch(/120/);
    expect(errorsFor({ ...valid, comment: "c".repeat(501) }).comment).toMatch(/500/);
    expect(signatureInputSchema().parse({ ...valid, comment: "line one\nline two" }).comment).toBe(
      "line one\nline two",
    );
  });

  it("rejects wrong types and unknown fields with a message each", () => {
    const errors = errorsFor({ ...valid, name: 42, updates: "yes", display: "public", extra: 1 });
    expect(errors.name).toBe("Your name must be text.");
    expect(errors.updates).toBeDefined();
    expect(errors.display).toMatch(/how your name is shown/);
    expect(errors.form).toMatch(/Unknown field: extra/);
  });

  it("reads the form's checkbox as a boolean", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...valid, updates: "on" })) form.set(key, value);
    expect(signatureInputSchema().parse(signatureInputFromForm(form)).updates).toBe(true);
    form.delete("updates");
    expect(signatureInputSchema().parse(signatureInputFromForm(form)).updates).toBe(false);
  });
});
