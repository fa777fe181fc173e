import { expect, test } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";
import { API, apiPost, hostileCases, unique, valid, type Expected } from "@/e2e/support/hostile-requests";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

// The JSON signing API, sent malformed and hostile bodies (the rule for every case:
// e2e/support/hostile-requests.ts).

const { attempt, report } = hostileCases("the JSON API");
test.afterAll(report);

const fieldsInvalid = (field: string) => ({
  status: 400,
  text: new RegExp(`"error":"Some fields are not valid\\.","fields":\\{.*"${field}":"[^"]+`),
});
const MB = 1024 * 1024;

/** [label, body (an object is sent as JSON), expected]; raw strings and buffers are sent byte for byte. */
const apiCases: [string, unknown, Expected, string?][] = [
  // wrong types, arrays and objects where strings are expected
  ...(
    [
      ["name", 42],
      ["name", null],
      ["name", true],
      ["name", {}],
      ["name", ["Ann"]],
      ["name", { $ne: "" }],
      ["email", 42],
      ["email", ["ann@example.org"]],
      ["email", { toString: "ann@example.org" }],
      ["country", 7],
      ["country", ["FR"]],
      ["country", null],
      ["display", "FULL"],
      ["display", ""],
      ["display", 1],
      ["display", ["full"]],
      ["updates", "true"],
      ["updates", 1],
      ["updates", null],
      ["city", 5],
      ["city", ["Paris"]],
      ["comment", {}],
      ["comment", true],
    ] as [string, unknown][]
  ).map(([field, value]): [string, unknown, Expected] => [
    `${field} = ${JSON.stringify(value)}`,
    { ...valid(), [field]: value },
    fieldsInvalid(field),
  ]),
  // missing and extra fields
  ["an empty object", {}, fieldsInvalid("name")],
  ...["name", "email", "country", "display"].map((field): [string, unknown, Expected] => {
    const body: Record<string, unknown> = valid();
    delete body[field];
    return [`${field} missing`, body, fieldsInvalid(field)];
  }),
  ...(
    [
      ["admin", true],
      ["state", "confirmed"],
      ["id", 1],
      ["documentId", 2],
      ["<img src=x onerror=alert(1)>", 1],
      ["constructor", { prototype: { polluted: 1 } }],
    ] as [string, unknown][]
  ).map(([field, value]): [string, unknown, Expected] => [
    `extra field ${field}`,
    { ...valid(), [field]: value },
    { status: 400, text: "Unknown field" },
  ]),
  [
    "a __proto__ key",
    `{"__proto__":{"polluted":1},"name":"Ann","email":"${unique("proto")}","country":"FR","display":"full"}`,
    { status: 400, text: "Unknown field: __proto__" },
  ],
  // 1 MB bodies
  ["a 1 MB comment", { ...valid(), comment: "x".repeat(MB) }, { status: 413, text: "larger than" }],
  ["a 1 MB name", { ...valid(), name: "é".repeat(MB / 2) }, { status: 413, text: "larger than" }],
  ["1 MB of spaces", " ".repeat(MB), { status: 413, text: "larger than" }],
  ["a 1 MB array", `[${"1,".repeat(MB / 2)}1]`, { status: 413, text: "larger than" }],
  ["1 MB of NUL bytes", Buffer.alloc(MB), { status: 413, text: "larger than" }],
  // NUL bytes and control characters
  ["NUL in the name", { ...valid(), name: "Ann\u0000" }, fieldsInvalid("name")],
  ["NUL in the email", { ...valid(), email: "ann\u0000@example.org" }, fieldsInvalid("email")],
  ["NUL in the country", { ...valid(), country: "FR\u0000" }, fieldsInvalid("country")],
  ["NUL in the display choice", { ...valid(), display: "full\u0000" }, fieldsInvalid("display")],
  ["BEL in the city", { ...valid(), city: "Paris\u0007" }, fieldsInvalid("city")],
  ["an ANSI escape in the comment", { ...valid(), comment: "\u001b[31mred" }, fieldsInvalid("comment")],
  ["DEL in the name", { ...valid(), name: "\u007fAnn" }, fieldsInvalid("name")],
  ["a C1 control (NEL) in the name", { ...valid(), name: "Ann\u0085" }, fieldsInvalid("name")],
  [
    "a lone surrogate in the name",
    `{"name":"Ann\\ud800","email":"${unique("surrogate")}","country":"FR","display":"full"}`,
    fieldsInvalid("name"),
  ],
  // invalid UTF-8
  ...(
    [
      ["0xFF", [0xff]],
      ["an overlong slash", [0xc0, 0xaf]],
      ["an encoded surrogate", [0xed, 0xa0, 0x80]],
      ["a cut-off sequence", [0xe2, 0x82]],
      ["Latin-1 é", [0xe9]],
    ] as [string, number[]][]
  ).map(([what, bytes]): [string, unknown, Expected] => [
    `invalid UTF-8 (${what}) in the name`,
    Buffer.concat([
      Buffer.from('{"name":"Ann'),
      Buffer.from(bytes),
      Buffer.from(`","email":"${unique("utf8")}","country":"FR","display":"full"}`),
    ]),
    { status: 400, text: "The request body is not valid UTF-8." },
  ]),
  // right-to-left overrides and isolates
  ["an RLO in the name", { ...valid(), name: "Ann\u202egnp.exe" }, fieldsInvalid("name")],
  ["an RLO in the city", { ...valid(), city: "\u202eParis" }, fieldsInvalid("city")],
  ["isolates in the comment", { ...valid(), comment: "\u2066hidden\u2069" }, fieldsInvalid("comment")],
  ["an RLO in the email", { ...valid(), email: "ann\u202e@example.org" }, fieldsInvalid("email")],
  // emoji, markup and SQL where they do not belong
  ["an emoji email", { ...valid(), email: "😀@example.org" }, fieldsInvalid("email")],
  ["a flag for a country", { ...valid(), country: "🇫🇷" }, fieldsInvalid("country")],
  ["an emoji display choice", { ...valid(), display: "😀" }, fieldsInvalid("display")],
  ["a script as email", { ...valid(), email: "<script>alert(1)</script>@example.org" }, fieldsInvalid("email")],
  ["markup as country", { ...valid(), country: "<b>FR</b>" }, fieldsInvalid("country")],
  ["a script as display choice", { ...valid(), display: "<script>" }, fieldsInvalid("display")],
  ["SQL in the email", { ...valid(), email: "x@example.org' OR '1'='1" }, fieldsInvalid("email")],
  ["SQL in the country", { ...valid(), country: "FR'; DROP TABLE signatures;--" }, fieldsInvalid("country")],
  ["SQL in the display choice", { ...valid(), display: "full' --" }, fieldsInvalid("display")],
  // absurdly long emails
  [
    "a 255-character email",
    { ...valid(), email: `${"a".repeat(64)}@${"b".repeat(178)}.example.org` },
    fieldsInvalid("email"),
  ],
  ["a 10,000-character email", { ...valid(), email: `${"a".repeat(10_000)}@example.org` }, fieldsInvalid("email")],
  ["a 15,000-character email", { ...valid(), email: `a@${"b".repeat(15_000)}.org` }, fieldsInvalid("email")],
  // unknown countries
  ...["XX", "ZZ", "SU", "UK", "EU", "FRA", "", "  ", "__proto__", "constructor", "toString"].map(
    (country): [string, unknown, Expected] => [
      `country ${JSON.stringify(country)}`,
      { ...valid(), country },
      fieldsInvalid("country"),
    ],
  ),
  // not an object, not JSON
  ["a number", "1", { status: 400, text: "The body must be a JSON object." }],
  ["a string", '"hello"', { status: 400, text: "The body must be a JSON object." }],
  ["true", "true", { status: 400, text: "The body must be a JSON object." }],
  ["an empty array", "[]", { status: 400, text: "The body must be a JSON object." }],
  ["trailing garbage", `${JSON.stringify(valid())} x`, { status: 400, text: "The request body is not valid JSON." }],
  ["single quotes", "{'name':'Ann'}", { status: 400, text: "The request body is not valid JSON." }],
  ["5,000 nested arrays", `{"name":${"[".repeat(5000)}${"]".repeat(5000)}}`, fieldsInvalid("name")],
  [
    "a duplicate key whose last value is wrong",
    `{"name":"Ann","name":42,"email":"${unique("dup")}","country":"FR","display":"full"}`,
    fieldsInvalid("name"),
  ],
  // wrong content types
  ["text/plain", valid(), { status: 415, text: "Content-Type: application/json" }, "text/plain"],
  [
    "a url-encoded form",
    "name=Ann&email=ann%40example.org&country=FR&display=full",
    { status: 415, text: "Content-Type: application/json" },
    "application/x-www-form-urlencoded",
  ],
  [
    "multipart",
    '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nAnn\r\n--b--\r\n',
    { status: 415, text: "Content-Type: application/json" },
    "multipart/form-data; boundary=b",
  ],
  [
    "XML",
    "<signature><name>Ann</name></signature>",
    { status: 415, text: "Content-Type: application/json" },
    "application/xml",
  ],
  ["application/jsonx", valid(), { status: 415, text: "Content-Type: application/json" }, "application/jsonx"],
  ["text/json", valid(), { status: 415, text: "Content-Type: application/json" }, "text/json"],
  ["octet-stream", valid(), { status: 415, text: "Content-Type: application/json" }, "application/octet-stream"],
];

test("the JSON API refuses every malformed or hostile body with a 4xx and a clear message, storing nothing", async ({
  request,
}) => {
  for (const [label, body, expected, type] of apiCases)
    await attempt(`API: ${label}`, () => apiPost(request, body, type), expected);

  for (const path of [
    "/api/petitions/no-such-petition/signatures",
    "/api/letters/moscow-trials/signatures",
    "/api/nothing/moscow-trials/signatures",
    `/api/petitions/${"x".repeat(5000)}/signatures`,
  ]) {
    await attempt(`API: POST ${path.slice(0, 60)}`, () => apiPost(request, valid(), "application/json", path), {
      status: 404,
      text: "No such document.",
    });
  }
  // No real address holds a control character: the proxy refuses it before any route.
  await attempt(
    "API: POST a path with a NUL",
    () => apiPost(request, valid(), "application/json", "/api/petitions/moscow-trials%00/signatures"),
    {
      status: 400,
      text: "the address is not valid",
    },
  );
  for (const path of [`${API}/extra`, "/api/petitions/%2e%2e/signatures"]) {
    await attempt(`API: POST ${path}`, () => apiPost(request, valid(), "application/json", path), {
      status: 404,
      text: "Page not found",
    });
  }
  for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
    await attempt(`API: ${method}`, () => request.fetch(API, { method }), { status: 405, text: "" });
  }
});

// What is unusual but harmless is stored exactly as sent, and shown escaped.
const acceptedCases: [string, Record<string, string>][] = [
  ["a script as name", { name: "<script>alert(1)</script>", comment: "<img src=x onerror=alert(1)>" }],
  ["SQL as name and city", { name: "Robert'); DROP TABLE signatures;--", city: "' OR 1=1 --" }],
  ["emoji and accents", { name: "Zoë 😀 O'Brien", city: "東京" }],
  ["a right-to-left name without overrides", { name: "مريم الحسن", city: "القاهرة" }],
  ["replacement patterns in the name", { name: "$' $& $` Ann" }],
  ["a lower-case country code", { name: "Lower Case", country: "fr" }],
];

test("a JSON body behind a byte-order mark is read as JSON", async ({ request }) => {
  const signer = valid();
  await attempt(
    "accepted: a byte-order mark",
    () => apiPost(request, `\ufeff${JSON.stringify(signer)}`),
    { status: 202, text: '{"status":"pending"}' },
    { signatures: 1, outbox: 1 },
  );
});

test("unusual but harmless text is stored exactly as sent, and comes back escaped in the email and the confirm page", async ({
  request,
}) => {
  for (const [label, fields] of acceptedCases) {
    const signer: Record<string, string> = { ...valid(), ...fields };
    await attempt(
      `accepted: ${label}`,
      () => apiPost(request, signer),
      { status: 202, text: '{"status":"pending"}' },
      { signatures: 1, outbox: 1 },
    );
    const stored = withDatabase((db) =>
      db.prepare("select name, city, comment, country from signatures where email = ?").get(signer.email),
    ) as Record<string, string | null>;
    expect
      .soft(stored, label)
      .toMatchObject({ name: signer.name, city: signer.city ?? null, comment: signer.comment ?? null, country: "FR" });
    const mail = await waitForMail(String(signer.email));
    expect
      .soft(mail.text, `${label}: the email never repeats the name typed (it could pose as the site's words)`)
      .not.toContain(String(signer.name));
    expect
      .soft(mail.html, `${label}: no markup of theirs in the email's HTML`)
      .not.toContain("<script>alert(1)</script>");
    const confirmPage = await (await request.get(new URL(confirmLink(mail)).pathname)).text();
    expect
      .soft(confirmPage, `${label}: no markup of theirs on the confirm page`)
      .not.toContain("<script>alert(1)</script>");
    expect.soft(confirmPage, `${label}: the confirm page shows the name`).toContain(escapeHtml(String(signer.name)));
  }
});

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("'", "&#x27;");
