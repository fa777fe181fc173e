import { expect, test, type Page } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage, keptCount } from "@/e2e/support/document-page";
import { createPetition } from "@/e2e/support/documents";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";
import { nextMilestone } from "@/lib/format/milestones";
import { baseURL } from "@/playwright.config";

// What a signer notices on the campaign pages: where the form is, what the count says, how to share,
// and where a failed submit leaves them.

const PETITION = "/petitions/moscow-trials";
const LETTER = "/letters/family-letter";
const PETITION_TITLE = "Annul the Moscow Trials verdicts and rehabilitate the defendants";
const phone = { width: 390, height: 844 };
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function signAndConfirm(page: Page, path: string, email: string, country = "Ireland") {
  await new DocumentPage(page, path).sign({ name: "Aoife Byrne", email, country, city: "Cork" });
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
}

function confirmedSinceYesterday(slug: string): number {
  return withDatabase(
    (db) =>
      db
        .prepare(
          `select count(*) as n from signatures join documents on documents.id = signatures.document_id
           where documents.slug = ? and signatures.state = 'confirmed' and signatures.confirmed_at >= ?`,
        )
        .get(slug, Date.now() - 24 * 3600_000) as { n: number },
  ).n;
}

test("at zero signatures the count shows a clear start and a first milestone, not an empty bar", async ({ page }) => {
  const petition = createPetition("zero-signatures"); // a goal of 100
  await page.goto(petition.path);
  await expect(page.getByText("No signatures yet: yours can be the first. The first milestone is 10.")).toBeVisible();
  await expect(page.locator("main progress")).toHaveCount(0);
});

test("on a phone a Sign button is in the first screen and takes the reader to the form", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto(PETITION);
  const button = page.locator("main").getByRole("link", { name: "Sign the petition" });
  await expect(button).toBeInViewport();
  await button.click();
  await expect(page).toHaveURL(new RegExp(`${PETITION}#sign$`));
  await expect(page.getByRole("heading", { name: "Sign the petition" })).toBeInViewport();
  await expect(page.getByLabel("Your name", { exact: true })).toBeInViewport();
});

test("the header's Sign link goes to the form on a campaign page and to the list elsewhere", async ({ page }) => {
  const headerSign = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign", exact: true });
  await page.goto(LETTER);
  await expect(headerSign).toHaveAttribute("href", "#sign");
  await headerSign.click();
  await expect(page.getByRole("heading", { name: "Co-sign the letter" })).toBeInViewport();
  await page.goto("/privacy");
  await expect(headerSign).toHaveAttribute("href", "/#documents-heading");
  await page.goto("/ru/privacy");
  await expect(
    page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Подписать", exact: true }),
  ).toHaveAttribute("href", "/ru#documents-heading");
});

test("the Russian header's links have distinct names, each saying where it goes", async ({ page }) => {
  await page.goto("/ru");
  const links = page.getByRole("navigation", { name: "Основное меню" }).getByRole("link");
  const names = (await links.allInnerTexts()).map((name) => name.trim());
  expect(new Set(names).size).toBe(names.length);
  await expect(links.filter({ hasText: "Делегации" })).toHaveAttribute("href", "/ru/delegations");
  await expect(links.filter({ hasText: /^Делегация$/ })).toHaveAttribute("href", "/ru");
});

test("the campaign page offers plain share links with the page's address, in each language", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const scriptHosts: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== baseURL) scriptHosts.push(request.url());
  });
  await page.goto(PETITION);
  const url = `${baseURL}${PETITION}`;
  const [u, t] = [encodeURIComponent(url), encodeURIComponent(PETITION_TITLE)];
  const share = page.getByRole("region", { name: "Ask others to sign" });
  await expect(share.getByLabel("Link to share")).toHaveValue(url);
  const expected: [RegExp, string][] = [
    [/^Email$/, `mailto:?subject=${t}&body=${encodeURIComponent(`${PETITION_TITLE}\n\n${url}`)}`],
    [/^X \(Twitter\)/, `https://twitter.com/intent/tweet?text=${t}&url=${u}`],
    [/^Facebook/, `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    [/^Telegram/, `https://t.me/share/url?url=${u}&text=${t}`],
    [/^VK/, `https://vk.com/share.php?url=${u}&title=${t}`],
  ];
  for (const [name, href] of expected) await expect(share.getByRole("link", { name })).toHaveAttribute("href", href);
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByText("Link copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(scriptHosts).toEqual([]); // nothing is loaded from the networks until a link is followed

  await page.goto(`/ru${PETITION}`);
  await expect(page.getByRole("region", { name: "Попросите подписать других" }).getByLabel(/ссылка/i)).toHaveValue(
    `${baseURL}/ru${PETITION}`,
  );
});

test("after a confirmation the page shows the next milestone and who signed in the last 24 hours", async ({ page }) => {
  test.setTimeout(60_000); // a signing, a confirmation, then up to 10 s for each language's cached page
  await signAndConfirm(page, PETITION, unique("momentum"));
  // The page's data is cached for a few seconds: the new figures show within 10.
  await expect(async () => {
    await page.goto(PETITION);
    const count = await keptCount();
    const lastDay = confirmedSinceYesterday("moscow-trials");
    const next = nextMilestone(count, 10_000)!;
    await expect(page.locator(".count strong")).toHaveText(count.toLocaleString("en"), { timeout: 1000 });
    await expect(page.getByText(`Next milestone: ${next.toLocaleString("en")}, ${next - count} to go.`)).toBeVisible({
      timeout: 1000,
    });
    const people = lastDay === 1 ? "1 person signed" : `${lastDay} people signed`;
    await expect(page.getByText(`${people} in the last 24 hours.`)).toBeVisible({ timeout: 1000 });
    await expect(page.locator("main progress")).toHaveAttribute("max", String(next), { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  await expect(async () => {
    await page.goto(`/ru${PETITION}`);
    await expect(page.getByText(/^За последние 24 часа подписал[аи]? \d+ человека?\.$/)).toBeVisible({ timeout: 1000 });
    await expect(page.getByText(/^Следующий рубеж — [\d\s ]+: остал(ась|ось) \d+ подпис(ь|и|ей)\.$/)).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 10_000 });
});

test("a co-signer's date on the letter stays on one line on a narrow phone", async ({ page }) => {
  await signAndConfirm(page, LETTER, unique("dates"));
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(async () => {
    await page.goto(LETTER);
    await expect(page.locator(".signers time").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  const lines = await page.locator(".signers time").evaluateAll((times) => times.map((t) => t.getClientRects().length));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((count) => count === 1)).toBe(true);
});

test("invalid name and email fields get the same red border as the country list", async ({ page }) => {
  const document = new DocumentPage(page, PETITION);
  await document.open();
  await document.fill({ name: " ", email: "not-an-email" });
  await document.submit();
  await expect(page.locator("#email-error")).toBeVisible();
  const border = (selector: string) =>
    page.locator(selector).evaluate((element) => {
      const style = getComputedStyle(element);
      return `${style.borderTopWidth} ${style.borderTopColor}`;
    });
  const red = "2px rgb(164, 22, 26)";
  expect(await border("#name")).toBe(red);
  expect(await border("#email")).toBe(red);
  expect(await border("#country")).toBe(red);
  expect(await border("#city")).not.toBe(red); // valid fields keep their usual border
});

test("with JavaScript a failed submit moves focus to the list of problems", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const document = new DocumentPage(page, PETITION);
  await document.open();
  await document.fill({ name: "Aoife Byrne", email: "not-an-email" });
  await document.submit();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a failed submit comes back at the form, the problems in view and focused", async ({ page }) => {
    const document = new DocumentPage(page, PETITION);
    await document.open();
    await document.fill({ name: "Aoife Byrne", email: "not-an-email" });
    await document.submit();
    await expect(page).toHaveURL(new RegExp(`${PETITION}#sign-problems$`));
    const summary = page.locator(".error-summary");
    await expect(summary).toContainText("There are problems with your signature");
    await expect(summary).toBeInViewport();
    await expect(summary).toBeFocused();
    await expect(page.getByLabel("Your name", { exact: true })).toHaveValue("Aoife Byrne");
  });

  test("a good submit still reaches 'Check your inbox'", async ({ page }) => {
    await new DocumentPage(page, PETITION).sign({ name: "Aoife Byrne", email: unique("nojs"), country: "Ireland" });
  });
});

test("reading a page prefetches no other page", async ({ page }) => {
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("_rsc=") || request.headers()["rsc"]) prefetches.push(request.url());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.goto(PETITION);
  await page.mouse.wheel(0, 5000);
  await page.getByRole("link", { name: "Privacy" }).hover();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
});
