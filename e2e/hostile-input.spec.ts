import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { baseURL } from "@/playwright.config";
import { withDatabase } from "@/e2e/support/database";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

// Every public endpoint, sent malformed and hostile input: each case must get a 4xx with a clear message
// (or, for the no-JavaScript forms, the page again with the field's error), never a 5xx, and a refused
// case must store nothing. What is only unusual text (markup, SQL, emoji, right-to-left names) is stored
// exactly as sent and shown escaped.

const API = "/api/petitions/moscow-trials/signatures";
const PAGE = "/petitions/moscow-trials";
let tried = 0;
let serverErrors = 0;

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const valid = () => ({ name: "Hostile Tester", email: unique("hostile"), country: "FR", display: "full" });
const rows = () =>
  withDatabase((db) => ({
    signatures: db.prepare("select count(*) from signatures").pluck().get() as number,
    outbox: db.prepare("select count(*) from outbox").pluck().get() as number,
  }));

type Expected = { status: number; text: string | RegExp };

/** Sends one case, checks its answer, and that it stored nothing (unless `stores` says how much it may). */
async function attempt(
  label: string,
  send: () => Promise<APIResponse>,
  expected: Expected,
  stores = { signatures: 0, outbox: 0 },
) {
  const before = rows();
  const response = await send();
  const body = await response.text();
  tried++;
  if (response.status() >= 500) serverErrors++;
  expect.soft(response.status(), `${label}: status (${body.slice(0, 120)})`).toBe(expected.status);
  const shows = typeof expected.text === "string" ? body.includes(expected.text) : expected.text.test(body);
  expect.soft(shows, `${label}: ${expected.text} in ${body.slice(0, 160)}`).toBe(true);
  const after = rows();
  expect
    .soft(
      { signatures: after.signatures - before.signatures, outbox: after.outbox - before.outbox },
      `${label}: rows added`,
    )
    .toEqual(stores);
  return { response, body };
}

// ---------------------------------------------------------------------------------------------------
// The JSON signing API

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

function apiPost(request: APIRequestContext, body: unknown, type = "application/json", path = API) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  return request.post(path, { data: bytes, headers: { "content-type": type } });
}

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

// ---------------------------------------------------------------------------------------------------
// The no-JavaScript forms: a server action posted as multipart form data, with the hidden $ACTION_ fields
// the page rendered.

type Part = [name: string, value: string | Buffer, filename?: string];

function multipart(parts: Part[]) {
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const chunks = parts.map(([name, value, filename]) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: text/plain` : ""}\r\n\r\n`,
      ),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from("\r\n"),
    ]),
  );
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

function formPost(request: APIRequestContext, path: string, body: Buffer, type: string, origin = baseURL) {
  return request.post(path, { data: body, headers: { "content-type": type, origin }, maxRedirects: 0 });
}

/** The hidden fields of the first form on a page, as the server rendered them. */
async function hiddenFields(request: APIRequestContext, path: string): Promise<Part[]> {
  const html = await (await request.get(path)).text();
  const form = html.match(/<form[\s\S]*?<\/form>/)?.[0] ?? "";
  const unescape = (value: string) =>
    value
      .replaceAll("&quot;", '"')
      .replaceAll("&#x27;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  return [...form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [
    name,
    unescape(value ?? ""),
  ]);
}

const replaceField = (parts: Part[], name: string, value: string): Part[] =>
  parts.map(([key, old]) => [key, key === name ? value : old]);

const FORM_URLENCODED = "application/x-www-form-urlencoded";
const pageError = (text: string): Expected => ({ status: 200, text });
const unreadable: Expected = { status: 400, text: "The form could not be read." };

test("the signing form without JavaScript answers hostile posts with its field errors or a 4xx, never a 5xx", async ({
  request,
}) => {
  const hidden = await hiddenFields(request, PAGE);
  expect(hidden.map(([name]) => name)).toEqual([
    "$ACTION_REF_1",
    "$ACTION_1:0",
    "$ACTION_1:1",
    "$ACTION_KEY",
    "started",
    "source",
  ]);
  const descriptor = String(hidden[1][1]);
  const fields = (overrides: Record<string, string | Buffer | [string | Buffer, string]> = {}): Part[] => {
    const values: Record<string, string | Buffer | [string | Buffer, string]> = {
      name: "Hostile Form",
      email: unique("form"),
      country: "FR",
      display: "full",
      ...overrides,
    };
    return Object.entries(values).map(([name, value]) =>
      Array.isArray(value) ? [name, value[0], value[1]] : [name, value],
    );
  };
  const send = (parts: Part[], origin?: string) => {
    const { body, type } = multipart(parts);
    return formPost(request, PAGE, body, type, origin);
  };
  const formCases: [string, Part[], Expected][] = [
    [
      "every field empty",
      [...hidden, ...fields({ name: "", email: "", country: "", display: "" })],
      pageError("Please enter your name."),
    ],
    ["no fields at all", hidden, pageError("Please choose your country from the list.")],
    [
      "NUL in the name",
      [...hidden, ...fields({ name: "Ann\u0000" })],
      pageError("Your name contains characters that are not allowed."),
    ],
    [
      "an RLO in the name",
      [...hidden, ...fields({ name: "Ann\u202egnp.exe" })],
      pageError("Your name contains characters that are not allowed."),
    ],
    [
      "a 121-character name",
      [...hidden, ...fields({ name: "n".repeat(121) })],
      pageError("Your name must be at most 120 characters."),
    ],
    ["a file as name", [...hidden, ...fields({ name: ["Ann", "name.txt"] })], pageError("Please enter your name.")],
    [
      "invalid UTF-8 in the email",
      [...hidden, ...fields({ email: Buffer.from([0x61, 0xff, 0x40, 0x62, 0x2e, 0x6f, 0x72, 0x67]) })],
      pageError("Please enter a valid email address"),
    ],
    [
      "a 300-character email",
      [...hidden, ...fields({ email: `${"a".repeat(288)}@example.org` })],
      pageError("An email address is at most 254 characters."),
    ],
    [
      "a script as email",
      [...hidden, ...fields({ email: "<script>alert(1)</script>@example.org" })],
      pageError("Please enter a valid email address"),
    ],
    [
      "an emoji email",
      [...hidden, ...fields({ email: "😀@example.org" })],
      pageError("Please enter a valid email address"),
    ],
    [
      "an unknown country",
      [...hidden, ...fields({ country: "XX" })],
      pageError("Please choose your country from the list."),
    ],
    [
      "SQL as country",
      [...hidden, ...fields({ country: "' OR 1=1 --" })],
      pageError("Please choose your country from the list."),
    ],
    [
      "an invented display choice",
      [...hidden, ...fields({ display: "admin" })],
      pageError("Please choose how your name is shown."),
    ],
    [
      "a 501-character comment",
      [...hidden, ...fields({ comment: "c".repeat(501) })],
      pageError("Your comment must be at most 500 characters."),
    ],
    [
      "a control character in the city",
      [...hidden, ...fields({ city: "Paris\u0007" })],
      pageError("City contains characters that are not allowed."),
    ],
    [
      "a document that does not exist (tampered bound arguments)",
      [...replaceField(hidden, "$ACTION_1:1", '["en","petitions","no-such-petition",null]'), ...fields()],
      pageError("This document does not exist."),
    ],
    [
      "a tampered previous state",
      [
        ...replaceField(hidden, "$ACTION_1:1", '["en","petitions","moscow-trials",{"attempt":"<b>x</b>","errors":7}]'),
        ...fields({ name: "" }),
      ],
      pageError("Please enter your name."),
    ],
    [
      "bound arguments that are not a list",
      [...replaceField(hidden, "$ACTION_1:1", '{"a":1}'), ...fields()],
      unreadable,
    ],
    [
      "bound arguments pointing at a missing row",
      [...replaceField(hidden, "$ACTION_1:0", descriptor.replace('"$@1"', '"$@7"')), ...fields()],
      unreadable,
    ],
    [
      "a reference hidden in the bound arguments",
      [...replaceField(hidden, "$ACTION_1:1", '["$@5","moscow-trials",null]'), ...fields()],
      unreadable,
    ],
    [
      "an action descriptor that is not JSON",
      [...replaceField(hidden, "$ACTION_1:0", `${descriptor.slice(0, 50)}garbage`), ...fields()],
      unreadable,
    ],
    [
      "an unknown action",
      [
        ...replaceField(hidden, "$ACTION_1:0", descriptor.replace(/"id":"[0-9a-f]+"/, `"id":"${"0f".repeat(21)}"`)),
        ...fields(),
      ],
      { status: 409, text: "older version of the page" },
    ],
    [
      "an unknown action id field",
      [[`$ACTION_ID_${"0f".repeat(21)}`, ""], ...fields()],
      { status: 409, text: "older version of the page" },
    ],
    ["no action fields", fields(), { status: 400, text: "Invalid Server Action request." }],
  ];
  for (const [label, parts, expected] of formCases) await attempt(`sign form: ${label}`, () => send(parts), expected);

  // Bound arguments of the wrong length cannot be matched to the form's state: the plain form again.
  for (const args of ['["petitions"]', '["petitions","moscow-trials",null,"extra"]']) {
    await attempt(
      `sign form: bound arguments ${args}`,
      () => send([...replaceField(hidden, "$ACTION_1:1", args), ...fields()]),
      pageError("Sign the petition"),
    );
  }
  const { body, type } = multipart([...hidden, ...fields()]);
  await attempt(
    "sign form: multipart without a boundary",
    () => formPost(request, PAGE, body, "multipart/form-data"),
    unreadable,
  );
  await attempt(
    "sign form: the wrong boundary",
    () => formPost(request, PAGE, body, "multipart/form-data; boundary=not-this-one"),
    unreadable,
  );
  await attempt(
    "sign form: a cut-off body",
    () => formPost(request, PAGE, body.subarray(0, body.length - 40), type),
    unreadable,
  );
  for (const wrongType of ["text/plain", "application/json", "application/x-www-form-urlencoded"]) {
    await attempt(
      `sign form: sent as ${wrongType}`,
      () => formPost(request, PAGE, Buffer.from("name=Ann&email=ann%40example.org"), wrongType),
      { status: 415, text: "multipart/form-data" },
    );
  }
  await attempt(
    "sign form: a fetch action whose body is not JSON",
    () =>
      request.post(PAGE, {
        data: "[[[",
        headers: {
          "content-type": "text/plain;charset=UTF-8",
          "next-action": JSON.parse(descriptor).id,
          origin: baseURL,
        },
      }),
    unreadable,
  );
  await attempt("sign form: over 256 KB", () => send([...hidden, ...fields({ comment: "x".repeat(300_000) })]), {
    status: 413,
    text: "too large",
  });
  await attempt("sign form: from another site", () => send([...hidden, ...fields()], "https://attacker.example"), {
    status: 403,
    text: "only be sent from this site",
  });
});

test("the resend-confirmation form without JavaScript shows field errors, answers alike whatever the address, and stores nothing", async ({
  request,
}) => {
  const hidden = await hiddenFields(request, "/resend-confirmation");
  const send = (parts: Part[]) => {
    const { body, type } = multipart([...hidden, ...parts]);
    return formPost(request, "/resend-confirmation", body, type);
  };
  const sameAnswer = pageError("Check your inbox");
  const cases: [string, Part[], Expected][] = [
    ["no fields", [], pageError("Please enter a valid email address")],
    [
      "an empty email",
      [
        ["email", ""],
        ["document", "moscow-trials"],
      ],
      pageError("Please enter a valid email address"),
    ],
    [
      "a 300-character email",
      [
        ["email", `${"a".repeat(288)}@example.org`],
        ["document", "moscow-trials"],
      ],
      pageError("An email address is at most 254 characters."),
    ],
    [
      "NUL in the email",
      [
        ["email", "ann\u0000@example.org"],
        ["document", "moscow-trials"],
      ],
      pageError("Please enter a valid email address"),
    ],
    [
      "a file as email",
      [
        ["email", "ann@example.org", "email.txt"],
        ["document", "moscow-trials"],
      ],
      pageError("Please enter a valid email address"),
    ],
    [
      "a script as email",
      [
        ["email", "<script>alert(1)</script>"],
        ["document", "moscow-trials"],
      ],
      pageError("Please enter a valid email address"),
    ],
    ["no document", [["email", unique("resend")]], pageError("Please choose what you signed.")],
    [
      "a 300-character document",
      [
        ["email", unique("resend")],
        ["document", "d".repeat(300)],
      ],
      pageError("Please choose what you signed."),
    ],
    [
      "a file as document",
      [
        ["email", unique("resend")],
        ["document", "moscow-trials", "doc.txt"],
      ],
      pageError("Please choose what you signed."),
    ],
    [
      "an unknown document",
      [
        ["email", unique("resend")],
        ["document", "no-such-document"],
      ],
      sameAnswer,
    ],
    [
      "a path as document",
      [
        ["email", unique("resend")],
        ["document", "../../etc/passwd"],
      ],
      sameAnswer,
    ],
    [
      "SQL as document",
      [
        ["email", unique("resend")],
        ["document", "moscow-trials' OR '1'='1"],
      ],
      sameAnswer,
    ],
    [
      "an address that never signed",
      [
        ["email", unique("never-signed")],
        ["document", "moscow-trials"],
      ],
      sameAnswer,
    ],
  ];
  for (const [label, parts, expected] of cases) await attempt(`resend form: ${label}`, () => send(parts), expected);
  const tampered = multipart([
    ...replaceField(hidden, "$ACTION_1:1", '{"x":1}'),
    ["email", unique("resend")],
    ["document", "moscow-trials"],
  ]);
  await attempt(
    "resend form: tampered bound arguments",
    () => formPost(request, "/resend-confirmation", tampered.body, tampered.type),
    unreadable,
  );
});

test("the organisers' sign-in form without JavaScript refuses bad addresses and tampered fields, and emails no one else", async ({
  request,
}) => {
  const hidden = await hiddenFields(request, "/sign-in");
  const send = (parts: Part[], base = hidden) => {
    const { body, type } = multipart([...base, ...parts]);
    return formPost(request, "/sign-in", body, type);
  };
  const invalid = pageError("Please enter a valid email address.");
  const cases: [string, Part[], Expected][] = [
    ["no email", [], invalid],
    ["not an address", [["email", "not an address"]], invalid],
    ["NUL in the address", [["email", "admin\u0000@localhost"]], invalid],
    ["a file as address", [["email", "admin@localhost", "email.txt"]], invalid],
    [
      "a 300-character address",
      [["email", `${"a".repeat(288)}@example.org`]],
      pageError("An email address is at most 254 characters."),
    ],
    [
      "a javascript: callback",
      [
        ["email", "not an address"],
        ["callbackUrl", "javascript:alert(1)"],
      ],
      invalid,
    ],
  ];
  for (const [label, parts, expected] of cases) await attempt(`sign-in: ${label}`, () => send(parts), expected);
  const { response } = await attempt(
    "sign-in: an address that is no organiser's",
    () => send([["email", unique("not-an-organiser")]]),
    { status: 303, text: "" },
  );
  expect.soft(response.headers().location).toBe("/sign-in/check-email");
  await attempt(
    "sign-in: tampered bound arguments",
    () => send([["email", "x@example.org"]], replaceField(hidden, "$ACTION_1:1", '{"x":1}')),
    unreadable,
  );
  await attempt(
    "sign-in: bound arguments of the wrong length",
    () => send([["email", "not an address"]], replaceField(hidden, "$ACTION_1:1", '["a","b"]')),
    pageError("Organisers: sign in"),
  );
});

test("the confirm button's post with a malformed token confirms nothing and explains the link is not recognised", async ({
  request,
}) => {
  const signer = valid();
  expect((await apiPost(request, signer)).status()).toBe(202);
  const link = new URL(confirmLink(await waitForMail(signer.email)));
  const html = await (await request.get(link.pathname)).text();
  // The button's form posts to a route of its own, as a browser without JavaScript sends it.
  const form = html.match(/<form[^>]*>(?:(?!<\/form>)[\s\S])*name="token"/)?.[0];
  const action = form?.match(/^<form[^>]*\saction="([^"]+)"/)?.[1];
  expect(action).toBeTruthy();
  const counted = () =>
    withDatabase((db) =>
      db.prepare("select signature_count from documents where slug = 'moscow-trials'").pluck().get(),
    );
  const countBefore = counted();

  const tokens: [string, Part[]][] = [
    ["too long", [["token", "A".repeat(44)]]],
    ["far too long", [["token", "A".repeat(10_000)]]],
    ["not base64url", [["token", "!".repeat(43)]]],
    ["padded base64", [["token", `${"A".repeat(42)}=`]]],
    ["with a NUL", [["token", `${"A".repeat(42)}\u0000`]]],
    ["unicode", [["token", "é".repeat(43)]]],
    ["empty", [["token", ""]]],
    ["missing", []],
    ["a file", [["token", "A".repeat(43), "token.txt"]]],
    [
      "two tokens",
      [
        ["token", "!"],
        ["token", link.pathname.split("/").at(-1)!],
      ],
    ],
  ];
  for (const [label, parts] of tokens) {
    const { body, type } = multipart(parts);
    const { response } = await attempt(`confirm: token ${label}`, () => formPost(request, action!, body, type), {
      status: 303,
      text: "",
    });
    expect.soft(response.headers().location, `confirm: token ${label}`).toBe("/confirm/invalid");
  }
  const unknown = multipart([["token", "A".repeat(43)]]);
  const { response } = await attempt(
    "confirm: a well-formed unknown token",
    () => formPost(request, action!, unknown.body, unknown.type),
    { status: 303, text: "" },
  );
  expect.soft(response.headers().location).toBe(`/confirm/${"A".repeat(43)}`);
  // Not a form, or far larger than one: refused before the body is read, with what to do instead.
  const realToken = link.pathname.split("/").at(-1)!;
  await attempt(
    "confirm: a JSON body",
    () => formPost(request, action!, Buffer.from(JSON.stringify({ token: realToken })), "application/json"),
    { status: 415, text: "Send this form as" },
  );
  await attempt(
    "confirm: a body over 16 KB",
    () => formPost(request, action!, Buffer.from(`token=${realToken}&x=${"a".repeat(20_000)}`), FORM_URLENCODED),
    { status: 413, text: "too large" },
  );
  for (const path of ["/confirm/invalid", `/confirm/${"A".repeat(43)}`]) {
    await attempt(
      `confirm: the page it sends to, ${path.slice(0, 30)}`,
      () => request.get(path),
      pageError("We don’t recognise this link"),
    );
  }
  expect(counted()).toBe(countBefore);
  expect(
    withDatabase((db) => db.prepare("select state from signatures where email = ?").pluck().get(signer.email)),
  ).toBe("pending");
});

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
  tried++;
  expect.soft(verify.status()).toBe(302);
  expect.soft(verify.headers().location).toContain("/sign-in?error=Verification");
  // Auth.js's own endpoint for sign-in links would skip the sign-in form's throttle and fixed answer time.
  for (const body of ["email=admin%40localhost&csrfToken=x", "%00%ff", "x".repeat(10_000)]) {
    const direct = await request.post("/api/auth/signin/email", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: body,
      maxRedirects: 0,
    });
    tried++;
    expect.soft(direct.status(), `POST /api/auth/signin/email with ${body.slice(0, 30)}`).toBe(404);
  }
});

test.afterAll(() => {
  console.log(`hostile input: ${tried} cases tried, ${serverErrors} answered with a 5xx`);
});
