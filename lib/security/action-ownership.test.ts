import { describe, expect, it } from "vitest";
import { actionOwnersFrom, actionOwnership } from "./action-ownership";

const owners = actionOwnersFrom({
  node: {
    sign: { workers: { "app/[locale]/[collection]/[slug]/page": {} } },
    resend: { workers: { "app/[locale]/confirm/[token]/page": {}, "app/[locale]/resend-confirmation/page": {} } },
    signIn: { workers: { "app/(admin)/sign-in/page": {} } },
    member: { workers: { "app/(admin)/admin/delegation/page": {} } },
  },
});

describe("actionOwnership", () => {
  it("knows the pages an action belongs to, English addresses by their internal name too", () => {
    expect(actionOwnership(owners, "sign", ["/petitions/moscow-trials", "/en/petitions/moscow-trials"])).toBe("owned");
    expect(actionOwnership(owners, "sign", ["/ru/letters/family-letter"])).toBe("owned");
    expect(actionOwnership(owners, "resend", ["/resend-confirmation", "/en/resend-confirmation"])).toBe("owned");
    expect(actionOwnership(owners, "signIn", ["/sign-in"])).toBe("owned");
    expect(actionOwnership(owners, "member", ["/admin/delegation"])).toBe("owned");
  });

  it("tells another page's action and an unknown one apart", () => {
    expect(actionOwnership(owners, "sign", ["/privacy", "/en/privacy"])).toBe("elsewhere");
    expect(actionOwnership(owners, "member", ["/admin/settings"])).toBe("elsewhere");
    expect(actionOwnership(owners, "signIn", ["/sign-in/check-email"])).toBe("elsewhere");
    expect(actionOwnership(owners, "0011", ["/privacy"])).toBe("unknown");
  });
});
