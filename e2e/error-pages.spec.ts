import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";

// What a reader meets at an address that holds nothing: the site's own page, in the language of the address.

test("an unknown public address answers 404 with the site's page, in Russian under /ru and in English otherwise", async ({
  page,
}) => {
  const pages = [
    { path: "/ru/no-such-page", lang: "ru", heading: "Страница не найдена", home: "На главную", homePath: "/ru" },
    {
      path: "/ru/petitions/no-such-petition",
      lang: "ru",
      heading: "Страница не найдена",
      home: "На главную",
      homePath: "/ru",
    },
    { path: "/no-such-page", lang: "en", heading: "Page not found", home: "Go to the home page", homePath: "/" },
    {
      path: "/letters/no-such-letter",
      lang: "en",
      heading: "Page not found",
      home: "Go to the home page",
      homePath: "/",
    },
  ];
  for (const expected of pages) {
    const response = await page.goto(expected.path);
    expect(response?.status(), expected.path).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", expected.lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.heading);
    // The site's header and footer stay around it.
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: expected.home }).click();
    await expect(page).toHaveURL(new RegExp(`localhost:\\d+${expected.homePath}$`));
  }
});

test("an organiser's unknown record is 'not found' inside the organisers' pages", async ({ page }) => {
  await signInAsAdmin(page);
  for (const path of ["/admin/signatures/987654321", "/admin/updates/987654321", "/admin/documents/no-such-document"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
    await expect(page.getByRole("navigation", { name: "Organisers" })).toBeVisible();
  }
});

test("when the database fails, a reader gets the site's error page in the address's language, and can try again", async ({
  page,
}) => {
  // A well-formed link that no signature has: the confirm page looks it up in the database on every request.
  const token = randomBytes(32).toString("base64url");
  const pages = [
    { path: `/confirm/${token}`, lang: "en", heading: "Something went wrong", reference: "Error reference" },
    { path: `/ru/confirm/${token}`, lang: "ru", heading: "Что-то пошло не так", reference: "Номер ошибки" },
  ];
  withDatabase((db) => db.exec("alter table confirmation_tokens rename to confirmation_tokens_away"));
  try {
    for (const expected of pages) {
      const response = await page.goto(expected.path);
      expect(response?.status(), expected.path).toBe(500);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.heading);
      await expect(page.locator("html")).toHaveAttribute("lang", expected.lang);
      await expect(page.getByRole("contentinfo")).toBeVisible(); // inside the site's own layout
      await expect(page.getByText(`${expected.reference}:`)).toBeVisible();
    }
  } finally {
    withDatabase((db) => db.exec("alter table confirmation_tokens_away rename to confirmation_tokens"));
  }
  await page.getByRole("link", { name: "Попробовать ещё раз" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мы не узнаём эту ссылку");
});
