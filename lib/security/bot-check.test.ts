import { describe, expect, it } from "vitest";
import { botSignal } from "./bot-check";
import { HONEYPOT_FIELD } from "./bot-check-fields";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("botSignal", () => {
  const started = 1_700_000_000_000;

  it("passes a form filled in at a person's pace with the trap empty", () => {
    expect(botSignal(form({ [HONEYPOT_FIELD]: "" }), started, started + 2_500)).toBeNull();
  });

  it("flags a form sent sooner after it was first used than a person could fill it in", () => {
    expect(botSignal(form({}), started, started + 300)).toBe("too-fast");
  });

  it("flags a filled trap field whatever the timing", () => {
    expect(botSignal(form({ [HONEYPOT_FIELD]: "http://spam.example" }), started, started + 60_000)).toBe("honeypot");
  });
});
