import { describe, expect, it } from "vitest";
import { messagesByField } from "@/lib/forms/form-fields";
import { textsOf, updateInputSchema } from "./update-input";

const valid = { target: "delegation:moscow-1989", subjectEn: " News ", bodyEn: "Text", subjectRu: "", bodyRu: "" };
const errorsOf = (input: Record<string, string>) => {
  const parsed = updateInputSchema.safeParse(input);
  return parsed.success ? {} : messagesByField(parsed.error);
};

describe("an update's form input", () => {
  it("keeps English only when the Russian fields are blank, and both languages when they are filled", () => {
    expect(textsOf(updateInputSchema.parse(valid))).toEqual({ en: { subject: "News", body: "Text" } });
    expect(textsOf(updateInputSchema.parse({ ...valid, subjectRu: "Новости", bodyRu: "Текст" }))).toEqual({
      en: { subject: "News", body: "Text" },
      ru: { subject: "Новости", body: "Текст" },
    });
  });

  it("says which field is wrong: a half-filled Russian version, a missing English text, a two-line subject, an unknown target", () => {
    expect(errorsOf({ ...valid, subjectRu: "Новости" })).toEqual({
      bodyRu: "Give the Russian version both a subject and a text, or leave both empty.",
    });
    expect(errorsOf({ ...valid, bodyRu: "Текст" })).toEqual({
      subjectRu: "Give the Russian version both a subject and a text, or leave both empty.",
    });
    expect(errorsOf({ ...valid, bodyEn: "  " })).toEqual({ bodyEn: "Write the text of the update." });
    expect(errorsOf({ ...valid, subjectEn: "News\r\nBcc: x@example.org" })).toEqual({
      subjectEn: "A subject is one line.",
    });
    expect(errorsOf({ ...valid, target: "everyone" })).toEqual({ target: "Choose whose signers receive the update." });
  });
});
