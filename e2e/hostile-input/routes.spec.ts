import { expect, test } from "@playwright/test";
import { hostileCases, pageError, type Expected } from "@/e2e/support/hostile-requests";

// GET routes with odd paths and query strings (the rule for every case: e2e/support/hostile-requests.ts).

const { attempt, count, report } = hostileCases("odd paths");
test.afterAll(report);

test("GET routes with odd paths and query strings answer without a 5xx", async ({ request }) => {
  // Next serves a notFound() page as an error shell whose text comes in its inline route data.
  const notFound: Expected = { status: 404, text: "Page not found" };
  const badAddress: Expected = { status: 400, text: "the address is not valid" };
  const unrecognised = pageError("We don’t recognise this link");
  const cases: [string, Expected][] = [
    ["/?q=%ff", pageError("The Moscow delegation")],
    ["/?%00=1&a[]=1&__proto__[x]=1", pageError("The Moscow delegation")],
    [`/?${"a=1&".repeat(2000)}`, pageError("The Moscow delegation")],
    ["/petitions/moscow-trials?x=%3Cscript%3Ealert(1)%3C/script%3E", pageError("Sign the petition")],
    ["/petitions/MOSCOW-TRIALS", notFound],
    ["/petitions/%00", badAddress],
    ["/petitions/moscow-trials%00", badAddress],
    ["/petitions/..%2f..%2fetc%2fpasswd", notFound],
    ["/petitions/%ff", badAddress],
    ["/petitions/%E0%A4%A", badAddress],
    ["/letters/moscow-trials", notFound],
    ["/no-such-collection/moscow-trials", notFound],
    ["/%2e%2e/%2e%2e/etc/passwd", notFound],
    ["/petitions/moscow-trials/thanks?x=%00", pageError("Thank you")],
    ["/resend-confirmation?document=%00", pageError("Get a new confirmation link")],
    ["/resend-confirmation?document=a&document=b", pageError("Get a new confirmation link")],
    [`/resend-confirmation?document=${"x".repeat(5000)}`, pageError("Get a new confirmation link")],
    ["/resend-confirmation?document=%3Cscript%3E", pageError("Get a new confirmation link")],
    ["/confirm/%00", badAddress],
    ["/confirm/%ff", badAddress],
    [`/confirm/${"A".repeat(500)}`, unrecognised],
    ["/confirm/%F0%9F%99%82", unrecognised],
    [`/confirm/${"A".repeat(42)}%00`, badAddress],
    ["/api/petitions/moscow-trials?callback=alert", { status: 200, text: '"slug":"moscow-trials"' }],
    ["/api/petitions/%00", badAddress],
    ["/api/petitions/moscow-trials%00", badAddress],
    ["/api/health?x=%ff", { status: 200, text: '"status":"ok"' }],
    ["/dev/mail/..%2f..%2fetc%2fpasswd", notFound],
    ["/sign-in?callbackUrl=javascript:alert(1)", pageError("Organisers: sign in")],
    ["/sign-in?error=%3Cscript%3Ealert(1)%3C/script%3E", pageError("Organisers: sign in")],
    ["/api/auth/nope", { status: 400, text: "Bad request." }],
    ["/api/admin/export?format=%00", { status: 401, text: "Sign in as an organiser" }],
    ["/_next/static/..%2f..%2fpackage.json", { status: 404, text: "" }],
    [`/${"a".repeat(20_000)}`, { status: 431, text: "" }],
  ];
  for (const [path, expected] of cases) {
    const { body } = await attempt(`GET ${path.slice(0, 60)}`, () => request.get(path, { maxRedirects: 0 }), expected);
    expect
      .soft(body, `GET ${path.slice(0, 60)}: no markup of the request's`)
      .not.toContain("<script>alert(1)</script>");
  }
  const verify = await request.get("/api/auth/callback/email?token=%00&email=%ff", { maxRedirects: 0 });
  count(verify.status());
  expect.soft(verify.status()).toBe(302);
  expect.soft(verify.headers().location).toContain("/sign-in?error=Verification");
  // Auth.js's own endpoint for sign-in links would skip the sign-in form's throttle and fixed answer time.
  for (const body of ["email=admin%40localhost&csrfToken=x", "%00%ff", "x".repeat(10_000)]) {
    const direct = await request.post("/api/auth/signin/email", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: body,
      maxRedirects: 0,
    });
    count(direct.status());
    expect.soft(direct.status(), `POST /api/auth/signin/email with ${body.slice(0, 30)}`).toBe(404);
  }
});
