import { describe, expect, it } from "vitest";
import { botSignal, formStamp } from "./bot-check";
import { HONEYPOT_FIELD, STAMP_FIELD } from "./bot-check-fields";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("the signing form's bot checks", () => {
  const served = Date.parse("2026-11-28T10:00:00Z");

  it("lets a person through who took longer than the minimum fill time", () => {
    expect(botSignal(form({ [STAMP_FIELD]: formStamp(served), [HONEYPOT_FIELD]: "" }), served + 2_500)).toBeNull();
  });

  it("flags a submission sent sooner than a person could fill the form", () => {
    expect(botSignal(form({ [STAMP_FIELD]: formStamp(served) }), served + 300)).toBe("too-fast");
  });

  it("flags a filled hidden field", () => {
    expect(
      botSignal(form({ [STAMP_FIELD]: formStamp(served), [HONEYPOT_FIELD]: "http://spam.example" }), served + 60_000),
    ).toBe("honeypot");
  });

  it("does not believe a stamp it did not sign, or a missing one", () => {
    expect(botSignal(form({ [STAMP_FIELD]: `${served - 3_600_000}.forgedforgedforg` }), served)).toBe("too-fast");
    expect(botSignal(form({}), served)).toBe("too-fast");
    expect(botSignal(form({ [STAMP_FIELD]: "not a stamp" }), served)).toBe("too-fast");
  });
});
