import { expect, test, type APIRequestContext } from "@playwright/test";
import { baseURL } from "@/playwright.config";
import { DocumentPage, keptCount } from "@/e2e/support/document-page";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function fetchCard(request: APIRequestContext, url: string): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toBe("public, max-age=60");
  const body = await response.body();
  expect(body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return body;
}

test("a shared petition shows its card, and the card's count follows confirmed signatures", async ({
  page,
  request,
}) => {
  await page.goto("/petitions/moscow-trials");
  const title = "Annul the Moscow Trials verdicts and rehabilitate the defendants";
  const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute("content");
  const cardUrl = `${baseURL}/og/petitions/moscow-trials`;
  expect(await meta('property="og:image"')).toBe(cardUrl);
  expect(await meta('name="twitter:image"')).toBe(cardUrl);
  expect(await meta('name="twitter:card"')).toBe("summary_large_image");
  expect(await meta('property="og:title"')).toBe(title);
  expect(await meta('property="og:url"')).toBe(`${baseURL}/petitions/moscow-trials`);
  expect(await meta('property="og:description"')).toBeTruthy();

  const before = await fetchCard(request, cardUrl);
  const counted = await keptCount();
  const email = `card-${Date.now()}@example.org`;
  await new DocumentPage(page, "/petitions/moscow-trials").sign({ name: "Анна Петрова", email, country: "Russia" });
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  expect(await keptCount()).toBe(counted + 1);

  // The card is drawn again at most every 5 seconds, like the page.
  await expect
    .poll(async () => (await fetchCard(request, cardUrl)).equals(before), {
      timeout: 10_000,
      message: "card redrawn with the new count",
    })
    .toBe(false);
});

test("the letter and the delegation have cards too, in English and Russian", async ({ request }) => {
  for (const path of ["/og/letters/family-letter", "/og/delegations/moscow-1989"]) {
    const english = await fetchCard(request, path);
    const russian = await fetchCard(request, `${path}?lang=ru`);
    expect(russian.equals(english)).toBe(false);
  }
  expect((await request.get("/og/petitions/no-such-petition")).status()).toBe(404);
  expect((await request.get("/og/petitions/moscow-trials?lang=xx")).status()).toBe(400);
});

test("a Russian page shares the Russian card, under the site's Russian name", async ({ page }) => {
  await page.goto("/ru/petitions/moscow-trials");
  const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute("content");
  expect(await meta('property="og:image"')).toBe(`${baseURL}/og/petitions/moscow-trials?lang=ru`);
  expect(await meta('property="og:url"')).toBe(`${baseURL}/ru/petitions/moscow-trials`);
  expect(await meta('property="og:locale"')).toBe("ru_RU");
  expect(await meta('property="og:site_name"')).toBe("Делегация");
  await page.goto("/petitions/moscow-trials");
  expect(await meta('property="og:locale"')).toBe("en_GB");
  expect(await meta('property="og:site_name"')).toBe("Delegation");
});
