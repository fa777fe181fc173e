import { describe, expect, it } from "vitest";
import { withoutPersonalTerms } from "./audit-details";

describe("withoutPersonalTerms", () => {
  it("records that a name, address or domain was searched for, not what", () => {
    const kept = withoutPersonalTerms({ q: "ivanova@mail", nameContains: "Ivan", domain: "mail.ru", state: "held" });
    expect(kept).toEqual({ q: "(given)", nameContains: "(given)", domain: "(given)", state: "held" });
    expect(JSON.stringify(kept)).not.toMatch(/ivan|mail/i);
  });

  it("leaves out criteria that were not used", () => {
    expect(withoutPersonalTerms({ q: undefined, document: "moscow-trials" })).toEqual({ document: "moscow-trials" });
  });
});
