import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { createPetition } from "@/e2e/support/documents";
import { expectRefused, formWith, tamper, watchServerErrors, type Case } from "@/e2e/support/tampering";

// Every organisers' form, sent malformed ids and values the way a tampering browser would (hidden inputs
// rewritten, options added to a select, fields removed, limits bypassed): each answer is a clear message
// in the form, with what was typed still there; never a 5xx, never an error page.

const badIds = (message: string, unknown = message): Case[] => [
  ...["abc", "-1", "0", "1.5", "1e3", "", "99999999999999999999", "<script>alert(1)</script>"].map((id) => ({
    fields: { id },
    message,
  })),
  { fields: { id: null }, message },
  { fields: { id: "987654321" }, message: unknown },
];
const long = (length: number) => "x".repeat(length);

test.describe.configure({ timeout: 120_000 });

test("the delegation's forms: story, members, dispatches and deliveries", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/delegations/moscow-1989");

  const story = formWith(page, "Save the story");
  // Refused, then corrected: the success leaves no message of the refused attempt behind.
  const title = await story.locator('[name="title"]').inputValue();
  await expectRefused(page, story, "Save the story", [
    { fields: { title: long(201) }, message: "The title must be at most 200 characters." },
  ]);
  await story.locator('[name="title"]').fill(title);
  await story.getByRole("button", { name: "Save the story" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. The public page shows it now.");
  await expect(story.getByRole("alert")).toHaveCount(0);
  await expect(story.locator('[name="title"]')).toHaveValue(title);

  const storyTyped = {
    summary: `A summary typed by the organiser ${Date.now()}`,
    bodyRu: "Текст, который нельзя потерять.",
  };
  await expectRefused(
    page,
    story,
    "Save the story",
    [
      { fields: { title: long(201) }, message: "The title must be at most 200 characters." },
      { fields: { title: null }, message: "The title cannot be empty." },
      { fields: { body: "   " }, message: "The text cannot be empty." },
      {
        fields: { titleRu: "", summaryRu: "" },
        message: "Give the Russian title, summary and text together, or none of them.",
      },
    ],
    storyTyped,
  );

  const addMember = formWith(page, "Add the member");
  const memberTyped = { role: "Interpreter typed", bio: "A biography that must survive a refusal." };
  await expectRefused(
    page,
    addMember,
    "Add the member",
    [
      { fields: { name: "" }, message: "The name cannot be empty." },
      { fields: { name: long(121) }, message: "The name must be at most 120 characters." },
      {
        fields: { name: "Ada", roleRu: "Переводчица" },
        message: "Give both the Russian role and biography, or neither.",
      },
    ],
    memberTyped,
  );

  const remove = formWith(page, /^Remove /).first();
  await expectRefused(
    page,
    remove,
    /^Remove /,
    badIds("Unknown member.", "Unknown member: it may have been removed already."),
  );

  const dispatch = formWith(page, "Publish the dispatch");
  const dispatchTyped = { title: "A dispatch typed", body: "Its text, kept." };
  await expectRefused(
    page,
    dispatch,
    "Publish the dispatch",
    [
      { fields: { dated: "1989-02-30" }, message: "That date does not exist." },
      { fields: { dated: "yesterday" }, message: "Use a date like 2026-11-27." },
      { fields: { dated: null }, message: "Use a date like 2026-11-27." },
      {
        fields: { dated: "1989-03-07", titleRu: "Заголовок" },
        message: "Give both the Russian title and text, or neither.",
      },
    ],
    dispatchTyped,
  );

  const delivery = formWith(page, "Record the delivery");
  const dossier = await delivery.locator("select").first().getAttribute("name");
  const deliveryTyped = { place: "Moscow, typed", recipient: "A recipient typed" };
  await expectRefused(
    page,
    delivery,
    "Record the delivery",
    [
      { fields: { deliveredOn: "1989-03-10" }, message: "Choose the dossier of at least one document." },
      { fields: { deliveredOn: "1989-03-10", [dossier!]: "abc" }, message: "Choose a dossier from the list." },
      {
        fields: { deliveredOn: "1989-03-10", [dossier!]: "987654321" },
        message: "Dossier 987654321 is not a finished dossier of that document.",
      },
      { fields: { deliveredOn: "1989-03-10", "dossier-abc": "1" }, message: "Unknown document." },
      { fields: { deliveredOn: "1989-13-10", [dossier!]: "1" }, message: "That date does not exist." },
    ],
    deliveryTyped,
  );
});

test("a document's edit form", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/documents/family-letter");
  const form = formWith(page, "Save changes");
  const typed = { title: `A title typed ${Date.now()}`, summary: "A summary typed." };
  await expectRefused(
    page,
    form,
    "Save changes",
    [
      { fields: { slug: "no-such-document" }, message: "Unknown document." },
      { fields: { slug: "../../etc/passwd" }, message: "Unknown document." },
      { fields: { slug: null }, message: "Unknown document." },
      { fields: { locale: "fr" }, message: "Choose a language." },
      { fields: { goal: "-5" }, message: "The goal cannot be negative." },
      { fields: { goal: "100000001" }, message: "The goal is too large." },
      { fields: { goal: "1e99" }, message: "The goal must be a whole number." },
      { fields: { goal: "lots" }, message: "The goal must be a number." },
      { fields: { status: "published" }, message: "Choose draft, open or closed." },
      { fields: { body: long(30_001) }, message: "The text must be at most 30000 characters." },
    ],
    typed,
  );
  expect(
    withDatabase((db) => db.prepare("select count(*) from document_texts where title = ?").pluck().get(typed.title)),
  ).toBe(0);
});

test("dossiers, sessions and rate-limit settings", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/dossiers");
  await expectRefused(page, formWith(page, "Generate a dossier"), "Generate a dossier", [
    { fields: { document: "no-such-document" }, message: "Unknown document." },
    { fields: { document: "<script>alert(1)</script>" }, message: "Unknown document." },
    { fields: { document: null }, message: "Unknown document." },
    { fields: { locale: "fr" }, message: "Choose the language of the cover." },
  ]);

  await page.goto("/admin/sessions");
  const UNKNOWN_SESSION = "Unknown session: it may have ended already.";
  await expectRefused(page, formWith(page, /^Revoke/).first(), /^Revoke/, [
    ...["zzz", "", long(24), "0123456789ABCDEF01234567"].map((id) => ({ fields: { id }, message: UNKNOWN_SESSION })),
    { fields: { id: "0123456789abcdef01234567" }, message: UNKNOWN_SESSION },
  ]);

  await page.goto("/admin/settings");
  const settings = formWith(page, "Save limits");
  await expectRefused(
    page,
    settings,
    "Save limits",
    [
      { fields: { burstCount: "abc" }, message: "Some limits are not valid" },
      { fields: { burstCount: "-1" }, message: "Some limits are not valid" },
      { fields: { sustainedSeconds: null }, message: "Some limits are not valid" },
    ],
    { burstSeconds: "77", sustainedCount: "4321" },
  );
  await tamper(settings, { burstCount: "1e9" });
  await settings.getByRole("button", { name: "Save limits" }).click();
  await expect(settings.getByText("At most 100,000.")).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0); // nothing saved
});

test("signatures: moderation, bulk invalidation and the review of held ones", async ({ page }) => {
  const petition = createPetition("admin-input");
  const stamp = Date.now();
  const [pendingId, heldId] = withDatabase((db) => {
    const id = db.prepare("select id from documents where slug = ?").pluck().get(petition.slug);
    const insert = db.prepare(
      "insert into signatures (document_id, name, email, email_key, country, display, state, review_reason, confirmed_at) values (?, ?, ?, ?, 'FR', 'full', ?, ?, ?) returning id",
    );
    const row = (state: string, reason: string | null, label: string) =>
      insert
        .pluck()
        .get(
          id,
          `Input ${label}`,
          `${label}-${stamp}@example.org`,
          `${label}-${stamp}@example.org`,
          state,
          reason,
          reason ? stamp : null,
        ) as number;
    return [row("pending", null, "pending"), row("held", "burst-limit", "held")];
  });
  await signInAsAdmin(page);

  await page.goto(`/admin/signatures/${pendingId}`);
  await expectRefused(
    page,
    formWith(page, "Reject this signature"),
    "Reject this signature",
    badIds("Unknown signature."),
  );
  await page.goto(`/admin/signatures/${heldId}`);
  await expectRefused(page, formWith(page, /^Approve/), /^Approve/, badIds("Unknown signature."));

  await page.goto(`/admin/signatures/invalidate?document=${petition.slug}&domain=example.org`);
  const invalidate = formWith(page, /^Reject these/);
  await expectRefused(page, invalidate, /^Reject these/, [
    { fields: { domain: "not a domain" }, message: "Enter a domain like example.org." },
    { fields: { domain: null }, message: "Choose at least one criterion besides the document." },
    { fields: { document: "no-such-document" }, message: "Unknown document." },
    { fields: { document: "NO SUCH" }, message: "Unknown document." },
    { fields: { from: "2024-02-30" }, message: "That date does not exist." },
    { fields: { country: "XX" }, message: "Enter a two-letter country code like RU." },
    { fields: { ipHash: "'; drop table signatures; --" }, message: "Paste an address hash from the anomalies view." },
  ]);

  await page.goto("/admin/review");
  const section = page.getByRole("region", { name: petition.title }).first();
  await expectRefused(page, formWith(section, /^Approve 1 held/), /^Approve 1 held/, [
    ...["abc", "-1", "99999999999999999999"].map((documentId) => ({
      fields: { documentId },
      message: "Unknown document.",
    })),
    { fields: { documentId: "987654321" }, message: "Unknown document." },
    { fields: { upToId: "-7" }, message: "Unknown signature." },
  ]);
  await expectRefused(page, formWith(section, /^Reject 1 held/), /^Reject 1 held/, [
    { fields: { document: "no-such-document" }, message: "Unknown document." },
    { fields: { document: "../admin" }, message: "Unknown document." },
  ]);
  const states = withDatabase((db) =>
    db.prepare("select state from signatures where id in (?, ?) order by id").pluck().all(pendingId, heldId),
  );
  expect(states).toEqual(["pending", "held"]); // nothing refused changed anything

  await formWith(section, /^Reject 1 held/)
    .getByRole("button")
    .click();
  await expect(page.getByRole("status")).toHaveText("1 held signatures were rejected.");
});

test("updates: the draft form and sending", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/updates/new");
  const form = formWith(page, "Save draft");
  const typed = { subjectEn: `A subject typed ${Date.now()}`, bodyEn: "A text that must survive a refusal." };
  await expectRefused(
    page,
    form,
    "Save draft",
    [
      { fields: { target: "document:no-such-document" }, message: "Choose whose signers receive the update." },
      { fields: { target: "everyone" }, message: "Choose whose signers receive the update." },
      { fields: { target: null }, message: "Choose whose signers receive the update." },
      { fields: { id: "abc" }, message: "Unknown update." },
      { fields: { id: "987654321" }, message: "Unknown update." },
      { fields: { bodyRu: long(20_001), subjectRu: "Тема" }, message: "At most 20,000 characters." },
    ],
    typed,
  );

  await form.locator('[name="subjectRu"]').fill("");
  await form.locator('[name="bodyRu"]').fill("");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: typed.subjectEn })).toBeVisible();
  await expectRefused(page, formWith(page, /^Send to/), /^Send to/, badIds("Unknown update."));
  expect(
    withDatabase((db) =>
      db
        .prepare("select status from updates where json_extract(texts, '$.en.subject') = ?")
        .pluck()
        .get(typed.subjectEn),
    ),
  ).toBe("draft");
});

test("without JavaScript, a refused form comes back with its message and what was typed, even with a forged state", async ({
  browser,
  page,
}) => {
  await signInAsAdmin(page);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await context.newPage();
  const serverErrors = watchServerErrors(plain);
  await plain.goto("/admin/delegations/moscow-1989");
  const addMember = formWith(plain, "Add the member");
  await addMember.locator('[name="role"]').fill("Role typed without JavaScript");
  await addMember.locator('[name="bio"]').fill("Biography typed without JavaScript");
  await addMember.locator('[name="roleRu"]').fill("Роль");
  await addMember.locator('[name="name"]').fill("Someone");
  await addMember.getByRole("button", { name: "Add the member" }).click();
  await expect(addMember.getByRole("alert")).toHaveText("Give both the Russian role and biography, or neither.");
  await expect(addMember.locator('[name="bio"]')).toHaveValue("Biography typed without JavaScript");
  await expect(addMember.locator('[name="roleRu"]')).toHaveValue("Роль");

  // The previous state comes back from the browser with the next submission: a forged one changes nothing.
  const fields = await addMember
    .locator("input[type=hidden]")
    .evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
    );
  const state = fields.find(([name]) => /^\$ACTION_\d+:1$/.test(name));
  expect(state, "the form carries its previous state").toBeDefined();
  const forged = JSON.stringify([{ attempt: "<b>x</b>", values: 5, errors: ["nope"] }]);
  const response = await plain.request.post("/admin/delegations/moscow-1989", {
    multipart: { ...Object.fromEntries(fields), [state![0]]: forged, name: "", role: "r", bio: "b" },
    headers: { origin: new URL(plain.url()).origin },
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("The name cannot be empty.");
  expect(serverErrors).toEqual([]);
  await context.close();
});
