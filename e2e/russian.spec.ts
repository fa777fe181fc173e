import { expect, test } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage } from "@/e2e/support/document-page";
import { waitForMail } from "@/e2e/support/mailbox";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

test.describe("a first visit follows the browser's language", () => {
  test.use({ locale: "ru-RU", extraHTTPHeaders: { "Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5" } });

  test("a Russian browser lands on the Russian site and can switch to English and back", async ({ page }) => {
    await page.goto("/petitions/moscow-trials");
    await expect(page).toHaveURL(/\/ru\/petitions\/moscow-trials$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Отменить приговоры Московских процессов и реабилитировать подсудимых",
    );

    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/petitions\/moscow-trials$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The choice sticks: the home page stays English for this visitor.
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("link", { name: "Русский" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  });
});

test("an English browser stays on the English site", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/localhost:\d+\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the Russian site end to end: sign, Russian errors, Russian email, confirm in Russian; one shared count", async ({
  page,
}) => {
  const email = unique("ivan");
  const petition = new DocumentPage(page, "/ru/petitions/moscow-trials");
  await petition.open();
  await page.getByRole("button", { name: "Подписать петицию" }).click();
  await expect(page.getByText("Пожалуйста, укажите имя.").first()).toBeVisible();

  const countBefore = withDatabase(
    (db) =>
      (db.prepare("select signature_count as n from documents where slug = 'moscow-trials'").get() as { n: number }).n,
  );
  await petition.open();
  await page.getByLabel("Ваше имя").fill("Иван Петров");
  await page.getByLabel("Адрес электронной почты").fill(email);
  await page.getByLabel("Страна", { exact: true }).selectOption({ label: "Россия" });
  await page.getByLabel("Город (необязательно)").fill("Пермь");
  await petition.submit();
  await expect(page.getByRole("heading", { name: "Проверьте почту" })).toBeVisible();
  await expect(page).toHaveURL(/\/ru\/petitions\/moscow-trials\/sent$/);

  const mail = await waitForMail(email);
  expect(mail.subject).toBe(
    "Подтвердите подпись: Отменить приговоры Московских процессов и реабилитировать подсудимых",
  );
  expect(mail.text).toContain("Здравствуйте!");
  expect(mail.text).not.toContain("Иван Петров");
  expect(mail.html).toContain('lang="ru"');
  const link = mail.text.match(/https?:\/\/\S+\/ru\/confirm\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, "a Russian confirmation link").toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Подтвердите подпись" })).toBeVisible();
  await page.getByRole("button", { name: "Подтвердить подпись" }).click();
  await expect(page.getByRole("heading", { name: "Спасибо: ваша подпись подтверждена" })).toBeVisible();

  const after = withDatabase((db) =>
    db
      .prepare(
        "select locale, (select signature_count from documents where slug = 'moscow-trials') as n from signatures where email = ?",
      )
      .get(email),
  );
  expect(after).toEqual({ locale: "ru", n: countBefore + 1 });
  // One count for both languages.
  const api = await (await page.request.get("/api/petitions/moscow-trials")).json();
  await expect
    .poll(async () => (await (await page.request.get("/api/petitions/moscow-trials")).json()).signatureCount, {
      timeout: 10_000,
    })
    .toBe(countBefore + 1);
  expect(api.slug).toBe("moscow-trials");
});
