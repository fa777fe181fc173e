import { describe, expect, it } from "vitest";
import { actionOwnersFrom, actionOwnership, resolveRoute } from "./action-ownership";

const owners = actionOwnersFrom(
  {
    node: {
      sign: { workers: { "app/[locale]/[collection]/[slug]/page": {} } },
      resend: { workers: { "app/[locale]/confirm/[token]/page": {}, "app/[locale]/resend-confirmation/page": {} } },
      signIn: { workers: { "app/(admin)/sign-in/page": {} } },
      member: { workers: { "app/(admin)/admin/delegation/page": {} } },
    },
  },
  [
    "/(admin)/admin/delegation/page",
    "/(admin)/admin/settings/page",
    "/(admin)/sign-in/check-email/page",
    "/(admin)/sign-in/page",
    "/[locale]/[...rest]/page",
    "/[locale]/[collection]/[slug]/page",
    "/[locale]/confirm/[token]/page",
    "/[locale]/delegations/[slug]/page",
    "/[locale]/page",
    "/[locale]/privacy/page",
    "/[locale]/resend-confirmation/page",
  ],
);

describe("resolveRoute", () => {
  it("picks the route Next would: static segments before dynamic ones before catch-alls", () => {
    expect(resolveRoute(owners, "/en/delegations/moscow-1989")).toBe("/[locale]/delegations/[slug]/page");
    expect(resolveRoute(owners, "/en/petitions/moscow-trials")).toBe("/[locale]/[collection]/[slug]/page");
    expect(resolveRoute(owners, "/ru/privacy")).toBe("/[locale]/privacy/page");
    expect(resolveRoute(owners, "/en/no/such/page")).toBe("/[locale]/[...rest]/page");
    expect(resolveRoute(owners, "/en")).toBe("/[locale]/page");
    expect(resolveRoute(owners, "/sign-in")).toBe("/(admin)/sign-in/page");
  });
});

describe("actionOwnership", () => {
  it("knows the pages an action belongs to", () => {
    expect(actionOwnership(owners, "sign", "/en/petitions/moscow-trials")).toBe("owned");
    expect(actionOwnership(owners, "sign", "/ru/letters/family-letter")).toBe("owned");
    expect(actionOwnership(owners, "resend", "/en/resend-confirmation")).toBe("owned");
    expect(actionOwnership(owners, "signIn", "/sign-in")).toBe("owned");
    expect(actionOwnership(owners, "member", "/admin/delegation")).toBe("owned");
  });

  it("tells another page's action and an unknown one apart", () => {
    expect(actionOwnership(owners, "sign", "/en/privacy")).toBe("elsewhere");
    expect(actionOwnership(owners, "sign", "/en/delegations/moscow-1989")).toBe("elsewhere");
    expect(actionOwnership(owners, "member", "/admin/settings")).toBe("elsewhere");
    expect(actionOwnership(owners, "signIn", "/sign-in/check-email")).toBe("elsewhere");
    expect(actionOwnership(owners, "0011", "/en/privacy")).toBe("unknown");
  });
});
