import { describe, expect, it } from "vitest";
import { documentSlug, isoDate, recordId, requiredText } from "./form-fields";

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0].message;

describe("organiser form fields", () => {
  it("takes a date only as it is written on the calendar", () => {
    expect(isoDate.safeParse("1989-03-07").success).toBe(true);
    expect(isoDate.safeParse("2024-02-29").success).toBe(true);
    expect(message(isoDate.safeParse("1989-02-30"))).toBe("That date does not exist.");
    expect(message(isoDate.safeParse("2026-13-01"))).toBe("That date does not exist.");
    expect(message(isoDate.safeParse("7 March 1989"))).toBe("Use a date like 2026-11-27.");
    expect(message(isoDate.safeParse(undefined))).toBe("Use a date like 2026-11-27.");
  });

  it("takes a record's id only as the digits of a safe integer", () => {
    const id = recordId("Unknown member.");
    expect(id.parse("42")).toBe(42);
    for (const value of ["0", "-1", "1.5", "1e3", "0x10", " 4", "", "99999999999999999999", undefined, ["1"]]) {
      expect(message(id.safeParse(value)), JSON.stringify(value)).toBe("Unknown member.");
    }
  });

  it("names the field whether it is blank, missing or too long, and refuses slugs that could not exist", () => {
    const title = requiredText("The title", 5);
    expect(message(title.safeParse("  "))).toBe("The title cannot be empty.");
    expect(message(title.safeParse(undefined))).toBe("The title cannot be empty.");
    expect(message(title.safeParse(5))).toBe("The title must be text.");
    expect(message(title.safeParse("longer"))).toBe("The title must be at most 5 characters.");
    for (const slug of ["../etc", "A", "x".repeat(101), undefined])
      expect(message(documentSlug.safeParse(slug))).toBe("Unknown document.");
  });
});
