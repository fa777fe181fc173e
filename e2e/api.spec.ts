import { expect, test } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";
import { waitForMail } from "@/e2e/support/mailbox";

const endpoint = "/api/petitions/moscow-trials/signatures";
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const valid = () => ({
  name: "李小龙",
  email: unique("api"),
  country: "CN",
  city: "香港",
  display: "full",
  updates: true,
});
const signatureRows = () =>
  withDatabase((db) => (db.prepare("select count(*) as n from signatures").get() as { n: number }).n);

test("GET describes each document with its live count", async ({ request }) => {
  for (const [path, slug, kind] of [
    ["/api/petitions/moscow-trials", "moscow-trials", "petition"],
    ["/api/letters/family-letter", "family-letter", "letter"],
  ]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("stale-while-revalidate");
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual([
      "goal",
      "kind",
      "signatureCount",
      "slug",
      "status",
      "textVersion",
      "title",
      "updatedAt",
    ]);
    expect(body).toMatchObject({ slug, kind, status: "open" });
    expect(Number.isInteger(body.signatureCount)).toBe(true);
  }
  expect((await request.get("/api/petitions/no-such-thing")).status()).toBe(404);
  expect((await request.get("/api/letters/moscow-trials")).status()).toBe(404);
});

test("POST accepts a valid signature with 202 and sends the confirmation email", async ({ request }) => {
  const signer = valid();
  const response = await request.post(endpoint, { data: signer });
  expect(response.status()).toBe(202);
  expect(await response.json()).toEqual({ status: "pending" });
  const mail = await waitForMail(signer.email);
  expect(mail.text).toContain("Hello,");
  expect(mail.text, "no signer-typed text in the email").not.toContain("李小龙");
});

test("POST records the program's source label, or api when it names none", async ({ request }) => {
  const sourceOf = (email: string) =>
    withDatabase(
      (db) =>
        (db.prepare("select source from signatures where email = ?").get(email) as { source: string | null })?.source,
    );
  const labelled = { ...valid(), source: "Newsletter-Dec" };
  expect((await request.post(endpoint, { data: labelled })).status()).toBe(202);
  expect(sourceOf(labelled.email)).toBe("newsletter-dec");
  const unlabelled = valid();
  expect((await request.post(endpoint, { data: unlabelled })).status()).toBe(202);
  expect(sourceOf(unlabelled.email)).toBe("api");

  // A program may not pass itself off as an embed or a partner's key, nor send anything but a label.
  for (const source of ["embed:https://partner.example", "api:0123456789ab", "two words", 42]) {
    const refused = { ...valid(), source };
    const response = await request.post(endpoint, { data: refused });
    expect(response.status(), String(source)).toBe(400);
    expect((await response.json()).fields).toEqual({ source: "Use 1 to 64 of a–z, 0–9, dot, underscore and hyphen." });
    expect(sourceOf(refused.email)).toBeUndefined();
  }
});

test("POST answers bad input with a 4xx and a clear message, and stores nothing", async ({ request }) => {
  const before = signatureRows();
  // Raw bytes, so that what is sent is exactly what is written here.
  const cases: { body: string | Buffer; type?: string; status: number; message: RegExp | string }[] = [
    {
      body: JSON.stringify({ ...valid(), email: "nope", country: "XX" }),
      status: 400,
      message: "Some fields are not valid.",
    },
    {
      body: JSON.stringify({ ...valid(), name: ["array"], updates: "yes" }),
      status: 400,
      message: "Some fields are not valid.",
    },
    { body: JSON.stringify([valid()]), status: 400, message: "The body must be a JSON object." },
    { body: "null", status: 400, message: "The body must be a JSON object." },
    { body: "{not json", status: 400, message: "The request body is not valid JSON." },
    { body: "", status: 400, message: "The request body is empty." },
    { body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), status: 400, message: "The request body is not valid UTF-8." },
    { body: JSON.stringify({ ...valid(), comment: "x".repeat(1024 * 1024) }), status: 413, message: /larger than/ },
    {
      body: "name=x&email=y",
      type: "application/x-www-form-urlencoded",
      status: 415,
      message: /Content-Type: application\/json/,
    },
    { body: JSON.stringify(valid()), type: "text/plain", status: 415, message: /Content-Type: application\/json/ },
  ];
  for (const { body, type = "application/json", status, message } of cases) {
    const response = await request.post(endpoint, { data: Buffer.from(body), headers: { "content-type": type } });
    expect(response.status(), `${type} ${String(body).slice(0, 40)}`).toBe(status);
    const json = await response.json();
    if (typeof message === "string") expect(json.error).toBe(message);
    else expect(json.error).toMatch(message);
  }
  expect(signatureRows()).toBe(before);

  const fields = await (
    await request.post(endpoint, { data: { ...valid(), email: "nope", country: "XX", extra: 1 } })
  ).json();
  expect(fields.fields).toMatchObject({
    email: "Please enter a valid email address, like name@example.org.",
    country: "Please choose your country from the list.",
    form: "Unknown field: extra.",
  });
  expect((await request.post("/api/petitions/unknown/signatures", { data: valid() })).status()).toBe(404);
});

test("hostile posts to the signing form get a 4xx and store nothing", async ({ page, request }) => {
  const before = signatureRows();
  await page.goto("/petitions/moscow-trials");
  const hidden = await page
    .locator('form input[type="hidden"]')
    .evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
    );
  const post = (fields: Record<string, string>) =>
    request.post("/petitions/moscow-trials", {
      multipart: {
        ...Object.fromEntries(hidden),
        name: "Hostile",
        email: unique("hostile"),
        country: "FR",
        display: "full",
        ...fields,
      },
      headers: { origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });

  const oversized = await post({ comment: "x".repeat(300_000) });
  expect(oversized.status()).toBe(413);
  expect(await oversized.text()).toContain("too large");

  const tampered = Object.fromEntries(
    hidden.filter(([name]) => name.startsWith("$ACTION_1:")).map(([name]) => [name, "{not json"]),
  );
  expect((await post(tampered)).status()).toBe(400);

  const foreign = await request.post("/petitions/moscow-trials", {
    multipart: {
      ...Object.fromEntries(hidden),
      name: "Cross Site",
      email: unique("csrf"),
      country: "FR",
      display: "full",
    },
    headers: { origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("only be sent from this site");
  expect(signatureRows()).toBe(before);
});
