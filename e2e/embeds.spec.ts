import { createServer, type Server } from "node:http";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { keptCount } from "@/e2e/support/document-page";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";
import { ownPort } from "@/e2e/support/own-server";
import { STAMP_FIELD } from "@/lib/security/bot-check-fields";
import { baseURL, MIN_FILL_MS } from "@/playwright.config";

// Each test signs and confirms, some twice, on a machine the whole suite shares.
test.describe.configure({ timeout: 120_000 });

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

// A partner's site on another origin (127.0.0.1 is another site than localhost, so the frame is third-party).
const partnerPort = ownPort(1);
const partner = `http://127.0.0.1:${partnerPort}`;
let server: Server;

/** The partner's page: the admin's snippet for a campaign, pasted as is. */
const partnerPage = (embedPath: string) => `<!doctype html><html lang="en"><head><title>Partner</title></head><body>
<h1>Our friends' campaign</h1>
<iframe src="${baseURL}${embedPath}" title="Sign" style="width:100%;max-width:40rem;height:200px;border:0"></iframe>
<script src="${baseURL}/embed.js" async></script>
</body></html>`;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const embedPath =
      new URL(request.url ?? "/", partner).searchParams.get("embed") ?? "/embed/petitions/moscow-trials";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(partnerPage(embedPath));
  });
  await new Promise<void>((resolve) => server.listen(partnerPort, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  withDatabase((db) => db.prepare("update documents set embed_origins = null").run());
});

const signatureOf = (email: string) =>
  withDatabase(
    (db) =>
      db.prepare("select source, state from signatures where email = ?").get(email) as
        { source: string | null; state: string } | undefined,
  );

async function fillInFrame(frame: FrameLocator, email: string) {
  await frame.getByLabel("Your name", { exact: true }).fill("Lena Partnerova");
  await frame.getByLabel("Email address", { exact: true }).fill(email);
  await frame.getByLabel("Country", { exact: true }).selectOption({ label: "Germany" });
}

async function confirmFromEmail(page: Page, email: string) {
  const mail = await waitForMail(email);
  // The email's link opens the site itself, not the frame: the thank-you page works as usual there.
  await page.goto(confirmLink(mail));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
}

test("a partner's page frames the form, signs through it with JavaScript, and the signature has the partner as source", async ({
  page,
}) => {
  const email = unique("embed-js");
  const before = await keptCount();
  await page.goto(`${partner}/`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(/Moscow Trials/);
  // embed.js sizes the frame to its content (the snippet starts it at 200px).
  await expect
    .poll(async () => parseInt(await page.locator("iframe").evaluate((el) => el.style.height)))
    .toBeGreaterThan(400);
  await fillInFrame(frame, email);
  await frame.locator("#name").focus();
  await expect(frame.locator(`[name="${STAMP_FIELD}"]`)).not.toHaveValue("");
  await page.waitForTimeout(MIN_FILL_MS + 100);
  await frame.getByRole("button", { name: /^Sign the/ }).click();
  await expect(frame.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  expect(page.url()).toBe(`${partner}/`); // the partner's page stayed; only the frame moved on
  expect(signatureOf(email)).toEqual({ source: `embed:${partner}`, state: "pending" });

  await confirmFromEmail(page, email);
  expect(signatureOf(email)).toEqual({ source: `embed:${partner}`, state: "confirmed" });
  expect(await keptCount()).toBe(before + 1);
});

test("without JavaScript on either page the framed form signs with a plain post, with the same bot check", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const email = unique("embed-nojs");
    await page.goto(`${partner}/`);
    const frame = page.frameLocator("iframe");
    await fillInFrame(frame, email);
    await frame.getByRole("button", { name: /^Sign the/ }).click();
    // No stamp without JavaScript: the form comes back once, as typed, and the second press signs.
    await expect(frame.getByText(/One more step/)).toBeVisible();
    await expect(frame.getByLabel("Email address", { exact: true })).toHaveValue(email);
    expect(signatureOf(email)).toBeUndefined();
    await page.waitForTimeout(MIN_FILL_MS + 100);
    await frame.getByRole("button", { name: /^Sign the/ }).click();
    await expect(frame.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    expect(signatureOf(email)).toEqual({ source: `embed:${partner}`, state: "pending" });
    await confirmFromEmail(page, email);
    expect(signatureOf(email)?.state).toBe("confirmed");
  } finally {
    await context.close();
  }
});

test("the embed opened with neither ?origin= nor a Referer signs with the bare source `embed`", async ({ browser }) => {
  // A frame whose site sent no Referer (a strict referrer policy) and did not run the snippet's script.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    const email = unique("embed-anonymous");
    await page.goto("/embed/petitions/moscow-trials");
    await expect(page.locator('input[name="source"]')).toHaveValue("embed");
    await page.getByLabel("Your name", { exact: true }).fill("Lena Partnerova");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Germany" });
    await page.getByRole("button", { name: /^Sign the/ }).click();
    // No stamp without JavaScript: the form comes back once, and the second press signs.
    await expect(page.getByText(/One more step/)).toBeVisible();
    await page.waitForTimeout(MIN_FILL_MS + 100);
    await page.getByRole("button", { name: /^Sign the/ }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    expect(signatureOf(email)).toEqual({ source: "embed", state: "pending" });
  } finally {
    await context.close();
  }
});

test("?source= on a campaign link is kept through signing, with and without JavaScript", async ({ page, browser }) => {
  const scripted = unique("source-js");
  await page.goto("/petitions/moscow-trials?source=Newsletter-March");
  await page.getByLabel("Your name", { exact: true }).fill("Source Tester");
  await page.getByLabel("Email address", { exact: true }).fill(scripted);
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "France" });
  await page.locator("#name").focus();
  await expect(page.locator(`[name="${STAMP_FIELD}"]`)).not.toHaveValue("");
  await page.waitForTimeout(MIN_FILL_MS + 100);
  await page.getByRole("button", { name: /^Sign the/ }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  expect(signatureOf(scripted)?.source).toBe("newsletter-march");

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await context.newPage();
  try {
    const email = unique("source-nojs");
    await plain.goto("/petitions/moscow-trials?source=leaflet");
    await plain.getByLabel("Your name", { exact: true }).fill("Source Tester");
    await plain.getByLabel("Email address", { exact: true }).fill(email);
    await plain.getByLabel("Country", { exact: true }).selectOption({ label: "France" });
    await plain.getByRole("button", { name: /^Sign the/ }).click();
    await expect(plain.getByText(/One more step/)).toBeVisible();
    await plain.waitForTimeout(MIN_FILL_MS + 100);
    await plain.getByRole("button", { name: /^Sign the/ }).click();
    await expect(plain.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    expect(signatureOf(email)?.source).toBe("leaflet");
  } finally {
    await context.close();
  }

  // A source that is not a short label is dropped, and the signature kept.
  const odd = unique("source-odd");
  await page.goto("/petitions/moscow-trials?source=%3Cscript%3E");
  await page.getByLabel("Your name", { exact: true }).fill("Source Tester");
  await page.getByLabel("Email address", { exact: true }).fill(odd);
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "France" });
  await page.locator("#name").focus();
  await expect(page.locator(`[name="${STAMP_FIELD}"]`)).not.toHaveValue("");
  await page.waitForTimeout(MIN_FILL_MS + 100);
  await page.getByRole("button", { name: /^Sign the/ }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  expect(signatureOf(odd)).toEqual({ source: null, state: "pending" });
});

test("only the embed pages may be framed, and only by the sites on a campaign's allow-list", async ({ page }) => {
  const framing = async (path: string) => (await fetch(`${baseURL}${path}`)).headers.get("content-security-policy");
  expect(await framing("/petitions/moscow-trials")).toContain("frame-ancestors 'none'");
  expect(await framing("/signature/renewed")).toContain("frame-ancestors 'none'");
  expect(await framing("/embed/petitions/moscow-trials")).toContain("frame-ancestors http: https:");
  expect(await framing("/ru/embed/petitions/moscow-trials")).toContain("frame-ancestors http: https:");

  // An organiser allows one other site: a typo is refused with a message, and nothing is saved.
  await signInAsAdmin(page);
  await page.goto("/admin/documents/family-letter");
  const field = page.getByLabel(/Sites allowed to frame them/);
  await field.fill("https://allies.example/page\nnot a site");
  await page.getByRole("button", { name: "Save allowed sites" }).click();
  await expect(page.locator("#embedOrigins-error")).toHaveText(
    /Not a site's origin.*https:\/\/allies\.example\/page, not, a, site/,
  );
  await expect(page.getByLabel(/Sites allowed to frame them/)).toHaveValue("https://allies.example/page\nnot a site");
  expect(
    withDatabase((db) => db.prepare("select embed_origins from documents where slug = 'family-letter'").get()),
  ).toEqual({
    embed_origins: null,
  });
  await page.getByLabel(/Sites allowed to frame them/).fill("https://allies.example");
  await page.getByRole("button", { name: "Save allowed sites" }).click();
  await expect(page.getByText("Allowed sites saved.")).toBeVisible();
  await expect(page.getByText("Only these sites may frame them: https://allies.example.")).toBeVisible();
  await expect(page.getByLabel(/Sign form/)).toHaveValue(
    /<iframe src="http:\/\/localhost:\d+\/embed\/letters\/family-letter"/,
  );

  // This server applies it at once (other instances within 5 s): our partner is not on the list.
  const policy = await framing("/embed/letters/family-letter");
  expect(policy).toContain("frame-ancestors 'self' https://allies.example");
  expect(policy).not.toContain(partner);
  expect(await framing("/embed/letters/family-letter/counter")).toContain(
    "frame-ancestors 'self' https://allies.example",
  );
  await page.goto(`${partner}/?embed=/embed/letters/family-letter`);
  await expect(page.locator("iframe")).toBeVisible();
  // The browser refuses to show it: the frame never gets the form.
  await page.waitForLoadState("load");
  await expect(page.frameLocator("iframe").getByRole("button", { name: /^Co-sign/ })).toHaveCount(0);
  await page.goto(`${partner}/?embed=/embed/petitions/moscow-trials`);
  await expect(page.frameLocator("iframe").getByRole("button", { name: /^Sign the/ })).toBeVisible();
});

test("the counter and the SVG badge show the confirmed count and are cached like the count endpoint", async ({
  page,
}) => {
  const count = await keptCount();
  const badge = await fetch(`${baseURL}/badge/petitions/moscow-trials.svg`);
  expect(badge.status).toBe(200);
  expect(badge.headers.get("content-type")).toContain("image/svg+xml");
  expect(badge.headers.get("cache-control")).toMatch(/^public, s-maxage=2, stale-while-revalidate=8/);
  // An SVG document the browser parses without error, with the count (cached: within 10 s).
  await expect(async () => {
    await page.goto("/badge/petitions/moscow-trials.svg");
    expect(await page.evaluate(() => document.documentElement.localName)).toBe("svg");
    expect(await page.evaluate(() => document.getElementsByTagName("parsererror").length)).toBe(0);
    await expect(page.locator("text").last()).toHaveText((await keptCount()).toLocaleString("en"), { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  expect((await fetch(`${baseURL}/badge/petitions/no-such.svg`)).status).toBe(404);
  expect((await fetch(`${baseURL}/badge/petitions/moscow-trials.ru.svg`)).status).toBe(200);

  const counter = await fetch(`${baseURL}/embed/petitions/moscow-trials/counter`);
  expect(counter.headers.get("cache-control")).toMatch(/^public, s-maxage=2/);
  expect(counter.headers.get("content-security-policy")).toContain("frame-ancestors http: https:");
  expect(await counter.text()).toMatch(/confirmed signatures?/);
  await page.goto(`${partner}/?embed=/embed/petitions/moscow-trials/counter`);
  await expect(page.frameLocator("iframe").locator("#count")).toHaveText(/\d+ confirmed signatures?/);
  expect(count).toBeGreaterThanOrEqual(0);
});

test("the dashboard counts signatures per source and the export has the column", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin");
  const petition = page.getByRole("region", { name: /Moscow Trials/ });
  await expect(petition.getByRole("heading", { name: "Signatures per source" })).toBeVisible();
  await expect(petition.getByRole("row", { name: new RegExp(`embed:${partner.replace(/\./g, "\\.")}`) })).toBeVisible();
  const response = await page.request.get("/api/admin/export?document=moscow-trials&format=csv");
  expect(response.status()).toBe(200);
  const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
  const column = header.split(",").indexOf("source");
  expect(column).toBeGreaterThan(0);
  // No cell before the source holds a comma in these rows (names and comments are plain).
  expect(rows.some((row) => row.split(",")[column] === `embed:${partner}`)).toBe(true);
});
