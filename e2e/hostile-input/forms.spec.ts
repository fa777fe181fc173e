import { expect, test } from "@playwright/test";
import { baseURL } from "@/playwright.config";
import { withDatabase } from "@/e2e/support/database";
import {
  FORM_URLENCODED,
  PAGE,
  apiPost,
  formPost,
  hiddenFields,
  hostileCases,
  multipart,
  pageError,
  replaceField,
  unique,
  unreadable,
  valid,
  type Expected,
  type Part,
} from "@/e2e/support/hostile-requests";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

// The no-JavaScript forms (signing, resending the confirmation, organisers' sign-in, the confirm button), sent
// malformed and hostile posts (the rule for every case: e2e/support/hostile-requests.ts).

const { attempt, report } = hostileCases("the no-JavaScript forms");
test.afterAll(report);

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
