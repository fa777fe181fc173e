import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { HONEYPOT_FIELD, STAMP_FIELD } from "@/lib/security/bot-check-fields";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { createPetition } from "@/e2e/support/documents";
import { DocumentPage, expectPublicCount, keptCount, type Signer } from "@/e2e/support/document-page";
import { freshFormStamp } from "@/e2e/support/form-stamp";
import { confirmLink, mailTo, waitForMail, type Mail } from "@/e2e/support/mailbox";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

type Row = Record<string, unknown>;
const signatureOf = (email: string) =>
  withDatabase((db) => db.prepare("select * from signatures where email = ?").get(email) as Row | undefined);
const signatureById = (id: number) =>
  withDatabase((db) => db.prepare("select * from signatures where id = ?").get(id) as Row);
const outboxRowsTo = (email: string) =>
  withDatabase(
    (db) => (db.prepare("select count(*) as n from outbox where recipient = ?").get(email) as { n: number }).n,
  );

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((violation) => violation.id),
    `axe violations on ${what}`,
  ).toEqual([]);
}

/** Signs, opens the emailed link and presses the button, as a signer does; returns the confirmation email. */
async function signAndConfirm(page: Page, path: string, signer: Signer): Promise<Mail> {
  await new DocumentPage(page, path).sign(signer);
  const mail = await waitForMail(signer.email);
  await page.goto(confirmLink(mail));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your signature is confirmed" })).toBeVisible();
  return mail;
}

/** The review page's row of bot-check counts for one document: [honeypot, too fast]. */
async function flaggedCounts(page: Page, title: string) {
  await page.goto("/admin/review");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) });
  return [await row.getByRole("cell").nth(0).textContent(), await row.getByRole("cell").nth(1).textContent()];
}

test.describe("bot checks", () => {
  test("a filled honeypot gets the usual answer, but no email and no count, and organisers see it flagged", async ({
    page,
  }) => {
    const petition = createPetition("trust-honeypot");
    const email = unique("honeypot");
    const form = new DocumentPage(page, petition.path);
    await form.open();
    await form.fill({ name: "Robot Honeypot", email, country: "France" });
    await page
      .locator(`[name="${HONEYPOT_FIELD}"]`)
      .evaluate((input: HTMLInputElement) => (input.value = "https://spam.example"));
    await form.submit();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    expect(signatureOf(email)).toMatchObject({ state: "flagged", review_reason: "honeypot" });
    expect(outboxRowsTo(email)).toBe(0); // nothing will ever be sent: mail only leaves through the outbox
    expect(mailTo(email)).toEqual([]);
    expect(await keptCount(petition.slug)).toBe(0);

    await signInAsAdmin(page);
    expect(await flaggedCounts(page, petition.title)).toEqual(["1", "0"]);
  });

  test("a form sent sooner than a person could fill it in gets the usual answer, but no email and no count", async ({
    page,
  }) => {
    const petition = createPetition("trust-too-fast");
    const email = unique("too-fast");
    const form = new DocumentPage(page, petition.path);
    await form.open();
    await form.fill({ name: "Robot Quick", email, country: "France" });
    // As if the page had been served the moment the form leaves the browser: a script that posts at once.
    // (Stamped on the way, so that a slow test machine cannot make the "person" look patient.)
    await expect(page.locator(`[name="${STAMP_FIELD}"]`)).not.toHaveValue("");
    const served = await page.locator(`[name="${STAMP_FIELD}"]`).inputValue();
    await page.route(`**${petition.path}`, async (route) => {
      const body = route.request().postDataBuffer();
      if (route.request().method() !== "POST" || !body) return route.continue();
      const fresh = await freshFormStamp(petition.path);
      await route.continue({ postData: Buffer.from(body.toString("latin1").replace(served, fresh), "latin1") });
    });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    expect(signatureOf(email)).toMatchObject({ state: "flagged", review_reason: "too-fast" });
    expect(outboxRowsTo(email)).toBe(0);
    expect(await keptCount(petition.slug)).toBe(0);

    await signInAsAdmin(page);
    expect(await flaggedCounts(page, petition.title)).toEqual(["0", "1"]);
  });
});

test("over the rate limit: confirmed as usual, held out of the count until an organiser approves it", async ({
  page,
}) => {
  test.setTimeout(120_000); // three signers through the mailbox, on a machine shared with other builds
  await signInAsAdmin(page);
  await page.goto("/admin/settings");
  await expectNoViolations(page, "/admin/settings");
  await page.getByRole("group", { name: "Burst limit" }).getByLabel("Signatures").fill("0");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByText("At least 1.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Burst limit" }).getByLabel("Signatures")).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await page.getByRole("group", { name: "Burst limit" }).getByLabel("Signatures").fill("2");
  await page.getByRole("group", { name: "Burst limit" }).getByLabel("Within (seconds)").fill("3600");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByRole("status")).toHaveText("The new rate limits apply from the next signature.");
  await expect(page.getByText("2 signatures within 3,600 seconds")).toBeVisible();
  try {
    const petition = createPetition("trust-held");
    const emails = [unique("held-a"), unique("held-b"), unique("held-c")];
    for (const [index, email] of emails.entries()) {
      await signAndConfirm(page, petition.path, { name: `Person ${"ABC"[index]} Held`, email, country: "Germany" });
    }
    // The third from this client was emailed and thanked like the others, but does not count yet.
    expect(signatureOf(emails[2])).toMatchObject({ state: "held", review_reason: "burst-limit" });
    expect(await keptCount(petition.slug)).toBe(2);
    await expectPublicCount(page, 2, `/api/petitions/${petition.slug}`);

    await page.goto("/admin/review");
    await expectNoViolations(page, "/admin/review");
    const section = page.getByRole("region", { name: petition.title }).first();
    await expect(section).toContainText("1 held; 2 counted.");
    await expect(section.getByRole("row").nth(1)).toContainText("burst limit");
    await expect(section.getByRole("row").nth(1)).toContainText("example.org");
    await section.getByRole("button", { name: "Approve 1 held: count them" }).click();
    await expect(page.getByRole("status")).toHaveText("1 held signatures were approved and now count.");
    expect(signatureOf(emails[2])).toMatchObject({ state: "confirmed" });
    expect(await keptCount(petition.slug)).toBe(3);
    await expectPublicCount(page, 3, `/api/petitions/${petition.slug}`);

    // The anomalies view names this client's address hash, and links into the bulk invalidation with it.
    const hash = String(signatureOf(emails[0])!.ip_hash);
    const anomalies = page.getByRole("region", { name: petition.title }).last();
    await anomalies
      .getByRole("table", { name: /Address hashes with the most signatures, last hour/ })
      .getByRole("link", { name: new RegExp(hash) })
      .click();
    await expect(page.getByLabel("Client address hash")).toHaveValue(hash);
    await expect(page.getByText("3 signatures match (3 of them confirmed and counted).")).toBeVisible();
  } finally {
    await page.goto("/admin/settings");
    await page.getByRole("button", { name: /Reset to the environment’s limits/ }).click();
    await expect(page.getByRole("status")).toHaveText("The environment’s rate limits apply again.");
  }
});

test("the private link, from the thank-you page and from the email: display, updates, withdrawal", async ({ page }) => {
  test.setTimeout(60_000); // two signers through the mailbox, and cached pages that refresh within seconds
  const petition = createPetition("trust-manage");
  const leaving = unique("leaving");
  const staying = unique("staying");
  await signAndConfirm(page, petition.path, {
    name: "Stay Put",
    email: staying,
    country: "Canada",
    display: "Full name and city",
  });
  const mail = await signAndConfirm(page, petition.path, {
    name: "Manon Privée",
    email: leaving,
    country: "France",
    city: "Lyon",
    display: "Full name and city",
    updates: true,
  });
  const id = Number(signatureOf(leaving)!.id);
  expect(await keptCount(petition.slug)).toBe(2);
  const signers = page.locator(".signers");
  const expectPublicList = async (shown: string, hidden: string) =>
    expect(async () => {
      await page.goto(petition.path);
      await expect(signers).toContainText(shown, { timeout: 1000 });
      await expect(signers).not.toContainText(hidden, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });

  // From the thank-you page: show initials instead of the full name.
  await page.getByRole("link", { name: "Manage my signature" }).click();
  await expect(page.getByRole("heading", { name: "Manage your signature" })).toBeVisible();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await page.getByLabel("Initials and city").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expectPublicList("M. P., Lyon", "Manon Privée");

  // From the confirmation email: stop updates, then withdraw.
  const link = mail.text.match(/https?:\/\/\S+\/signature\/\d+\.[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, "the confirmation email carries the private link").toBeTruthy();
  await page.goto(link!);
  await expect(page.getByText("You receive updates about this campaign.")).toBeVisible();
  await page.getByRole("button", { name: "Stop updates" }).click();
  await expect(page.getByText("You do not receive updates.")).toBeVisible();
  expect(signatureById(id)).toMatchObject({ updates: 0 });

  await page.getByLabel("Yes, withdraw my signature").check();
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
  expect(await keptCount(petition.slug)).toBe(1);
  await expectPublicCount(page, 1, `/api/petitions/${petition.slug}`);
  const row = signatureById(id);
  expect(row).toMatchObject({
    state: "withdrawn",
    name: "",
    email: "",
    city: null,
    comment: null,
    organisation: null,
    role: null,
    ip_hash: null,
    updates: 0,
  });
  expect(JSON.stringify(row)).not.toMatch(/Manon|Lyon|leaving-/);
  expect(mailTo(leaving), "the local mailbox keeps no copy of the withdrawn signer's emails").toEqual([]);
  await expectPublicList("Stay Put", "M. P.");

  await signInAsAdmin(page);
  const exported = await (await page.request.get(`/api/admin/export?format=csv&document=${petition.slug}`)).text();
  expect(exported).toContain(staying);
  expect(exported).not.toContain(leaving);
  expect(exported).not.toContain("Manon");
  expect(exported.trim().split("\n")).toHaveLength(2); // the header and the one who stayed
});

test("a private link whose code is all letters and digits reaches its page, not 'page not found'", async ({ page }) => {
  // The code after the dot once passed for a file extension, and about one link in four was lost.
  for (const path of [
    "/signature/7.Y8FOPd7G8sttHxnEHrXv69ISDS2l1kqioR9JOUGrqxk",
    "/ru/signature/7.Y8FOPd7G8sttHxnEHrXv69ISDS2l1kqioR9JOUGrqxk",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      /We don’t recognise this link|Мы не узнаём эту ссылку/,
    );
  }
  const response = await page.goto("/unsubscribe/12.abcdefghijABCDEFGHIJ0123456789abcdefghijABC");
  expect(response?.status()).toBe(200);
});

test("the privacy page states the retention schedule in force, in English and in Russian", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy: what we keep and why" })).toBeVisible();
  await expect(page.getByText("A signature that is never confirmed is deleted after 30 days")).toBeVisible();
  await expect(page.getByText(/183 days later we erase your name/)).toBeVisible();
  await page.goto("/ru/privacy");
  await expect(
    page.getByRole("heading", { level: 1, name: "Конфиденциальность: что мы храним и зачем" }),
  ).toBeVisible();
  await expect(page.getByText(/удаляется через 30 дней/)).toBeVisible();
  await expectNoViolations(page, "/ru/privacy");
});
