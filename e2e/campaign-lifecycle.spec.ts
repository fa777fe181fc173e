import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage } from "@/e2e/support/document-page";
import { confirmLink, mailTo, waitForMail } from "@/e2e/support/mailbox";

// An organiser starts a petition from nothing, people sign it in both languages, it closes on its date,
// the answer is recorded and shown, and its address changes without breaking the old one.

const SLUG = "free-the-archives";
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

/** A public page is cached for a few seconds: reload until it shows what the test waits for. */
async function expectOnPage(page: Page, path: string, check: () => Promise<void>, timeout = 30_000) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout });
}

// The specs share one server: afterwards the new campaign goes back to being a draft, off the public pages.
test.afterAll(() => {
  withDatabase((db) =>
    db.prepare("update documents set status = 'draft' where slug in (?, 'open-the-archives')").run(SLUG),
  );
});

async function confirm(page: Page, email: string, button: string) {
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: button }).click();
}

test("a petition from nothing: create, translate, open, sign in both languages, close on its date, answer, rename", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAsAdmin(page);

  // Create it. Bad input comes back with a message and everything typed kept.
  await page.goto("/admin/documents");
  await page.getByRole("link", { name: "New petition" }).click();
  await expect(page.getByRole("heading", { name: "New petition" })).toBeVisible();
  await page.getByLabel("Address (lower-case letters, digits and hyphens)").fill("Free the Archives!");
  await page.getByLabel("Title", { exact: true }).fill("Open the 1937 archives");
  await page.getByLabel("Summary").fill("Let families read the files on their relatives.");
  await page.getByLabel("Addressed to").fill("The Supreme Soviet of the USSR");
  await page.getByLabel("Text (Markdown; HTML is not rendered)").fill("We ask that the **files** be opened.");
  await page.getByLabel("Goal (signatures)").fill("4");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.locator("#newSlug-error")).toContainText("Use lower-case letters, digits and single hyphens");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Open the 1937 archives");
  await expect(page.getByLabel("Text (Markdown; HTML is not rendered)")).toHaveValue(
    "We ask that the **files** be opened.",
  );

  await page.getByLabel("Address (lower-case letters, digits and hyphens)").fill("moscow-trials");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.locator("#newSlug-error")).toContainText("That address is taken");
  await expect(page.getByLabel("Summary")).toHaveValue("Let families read the files on their relatives.");

  await page.getByLabel("Address (lower-case letters, digits and hyphens)").fill(SLUG);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Created as a draft.")).toBeVisible();
  expect((await page.request.get(`/petitions/${SLUG}`)).status()).toBe(404); // a draft is not public

  // Its Russian text, then open it.
  await page.goto(`/admin/documents/${SLUG}?lang=ru`);
  await page.getByLabel("Title", { exact: true }).fill("Откройте архивы 1937 года");
  await page.getByLabel("Summary").fill("Пусть семьи прочтут дела своих родных.");
  await page.getByLabel("Addressed to").fill("Верховному Совету СССР");
  await page.getByLabel("Text (Markdown; HTML is not rendered)").fill("Мы просим открыть **дела**.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`/admin/documents/${SLUG}`);
  await page.getByLabel("Status").selectOption("open");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await expectOnPage(page, "/", async () => {
    await expect(page.getByRole("link", { name: "Open the 1937 archives", exact: true })).toBeVisible({
      timeout: 1000,
    });
  });
  await expectOnPage(page, "/ru", async () => {
    await expect(page.getByRole("link", { name: "Откройте архивы 1937 года", exact: true })).toBeVisible({
      timeout: 1000,
    });
  });

  // Signed in English and in Russian; both ask for updates.
  const english = unique("archive-en");
  await new DocumentPage(page, `/petitions/${SLUG}`).sign({
    name: "Olga Berg",
    email: english,
    country: "Germany",
    updates: true,
  });
  await confirm(page, english, "Confirm my signature");
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();

  const russian = unique("archive-ru");
  const russianPage = new DocumentPage(page, `/ru/petitions/${SLUG}`);
  await russianPage.open();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Откройте архивы 1937 года");
  await page.getByLabel("Ваше имя").fill("Иван Петров");
  await page.getByLabel("Адрес электронной почты").fill(russian);
  await page.getByLabel("Страна", { exact: true }).selectOption({ label: "Россия" });
  await page.getByLabel(/Присылать мне новости/).check();
  await russianPage.submit();
  await expect(page.getByRole("heading", { name: "Проверьте почту" })).toBeVisible();
  await confirm(page, russian, "Подтвердить подпись");
  await expect(page.getByRole("heading", { name: "Спасибо: ваша подпись подтверждена" })).toBeVisible();

  // Two of four: half the goal. The organisers hear of it once, and the page shows it.
  await expect
    .poll(() => mailTo(ADMIN_EMAIL).filter((mail) => mail.subject.includes("reached half its goal")).length, {
      timeout: 20_000,
    })
    .toBe(1);
  await expectOnPage(page, `/petitions/${SLUG}`, async () => {
    await expect(page.getByRole("heading", { name: "Milestones reached" })).toBeVisible({ timeout: 1000 });
  });
  await expect(page.getByText("2 signatures —")).toBeVisible();

  // A closing date a few seconds ahead: the page says so, then the job closes it on time.
  const closesAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 25_000); // the form takes whole seconds
  await page.goto(`/admin/documents/${SLUG}`);
  await page.getByLabel("Closes on (UTC; leave empty to close it by hand)").fill(closesAt.toISOString().slice(0, 19));
  await page.getByRole("button", { name: "Save address and schedule" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto(`/petitions/${SLUG}`);
  await expect(page.getByText(/^Signing closes on/)).toBeVisible();

  await expectOnPage(page, `/petitions/${SLUG}`, async () => {
    await expect(page.getByText("This petition is closed: it no longer takes signatures.")).toBeVisible({
      timeout: 1000,
    });
  });
  await expect(page.getByText(/^Closed on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);
  const closedAt = withDatabase(
    (db) => db.prepare("select closed_at as at from documents where slug = ?").get(SLUG) as { at: number },
  ).at;
  expect(closedAt).toBeGreaterThanOrEqual(closesAt.getTime());
  const late = await page.request.post(`/api/petitions/${SLUG}/signatures`, {
    data: { name: "Too Late", email: unique("late"), country: "GB", display: "full" },
  });
  expect(late.status()).toBe(409);
  await expectOnPage(page, "/ru", async () => {
    await expect(page.getByRole("heading", { name: "Завершённые кампании" })).toBeVisible({ timeout: 1000 });
  });

  // The answer: recorded, shown in both languages, and a prefilled update to the signers in one step.
  await page.goto(`/admin/documents/${SLUG}`);
  await page.getByLabel("Outcome", { exact: true }).selectOption("answered");
  await page.getByLabel("Date of the response").fill("1989-12-20");
  await page
    .getByLabel("The response (Markdown; shown on the public page as written)")
    .fill("The files will be opened.");
  await page.getByLabel("Where it was published (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save and draft an update to signers" }).click();
  await expect(page.locator("#sourceUrl-error")).toContainText("The source must be a web address");
  await expect(page.getByLabel("The response (Markdown; shown on the public page as written)")).toHaveValue(
    "The files will be opened.",
  );
  await page.getByLabel("Where it was published (optional)").fill("https://example.org/answer");
  await page.getByRole("button", { name: "Save and draft an update to signers" }).click();
  await expect(page).toHaveURL(/\/admin\/updates\/\d+$/);
  await expect(page.getByText("The files will be opened.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Send to 2 people" })).toBeVisible();

  await expectOnPage(page, `/petitions/${SLUG}`, async () => {
    await expect(page.getByRole("heading", { name: "The response" })).toBeVisible({ timeout: 1000 });
  });
  await expect(page.getByText("The addressee answered")).toBeVisible();
  await expect(page.getByText("The files will be opened.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Read the response where it was published" })).toHaveAttribute(
    "href",
    "https://example.org/answer",
  );
  await expect(page.getByRole("heading", { name: "Questions and answers" })).toBeVisible();
  await page.goto(`/ru/petitions/${SLUG}`);
  await expect(page.getByRole("heading", { name: "Ответ", exact: true })).toBeVisible();
  await expect(page.getByText("Адресат ответил")).toBeVisible();
  await expect(page.getByText("Кто увидит моё имя?")).toBeVisible();
  await expectOnPage(page, "/", async () => {
    const card = page.locator("article.card", {
      has: page.getByRole("link", { name: "Open the 1937 archives", exact: true }),
    });
    await expect(card.getByText("The addressee answered")).toBeVisible({ timeout: 1000 });
  });

  // A new address: the old one answers a permanent redirect, in both languages and in the API.
  await page.goto(`/admin/documents/${SLUG}`);
  await page.getByLabel("Address", { exact: true }).fill("open-the-archives");
  await page.getByRole("button", { name: "Save address and schedule" }).click();
  await expect(page).toHaveURL(/\/admin\/documents\/open-the-archives\?saved=1/);
  await expect(page.getByText(`Earlier addresses, which redirect here: ${SLUG}.`)).toBeVisible();
  for (const [from, to] of [
    [`/petitions/${SLUG}`, "/petitions/open-the-archives"],
    [`/ru/petitions/${SLUG}`, "/ru/petitions/open-the-archives"],
    [`/api/petitions/${SLUG}`, "/api/petitions/open-the-archives"],
    [`/petitions/${SLUG}/sent`, "/petitions/open-the-archives/sent"],
    [`/ru/petitions/${SLUG}/thanks`, "/ru/petitions/open-the-archives/thanks"],
  ]) {
    await expect(async () => {
      const response = await page.request.get(from, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(new URL(response.headers().location, "http://x").pathname).toBe(to);
    }).toPass({ timeout: 15_000 });
  }
  await page.goto(`/petitions/${SLUG}`);
  await expect(page).toHaveURL(/\/petitions\/open-the-archives$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open the 1937 archives");
});
