import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { MIN_FILL_MS } from "@/playwright.config";
import { withDatabase } from "@/e2e/support/database";
import { createPetition } from "@/e2e/support/documents";
import { ageFormStamp, freshFormStamp } from "@/e2e/support/form-stamp";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";
import { STAMP_FIELD } from "@/lib/security/bot-check-fields";

// The public pages are served from Next's page cache and may be kept by a CDN; the pages that carry a
// token or personal data are not. See docs/caching-and-csp.md.

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const CACHED = [
  "/",
  "/petitions/moscow-trials",
  "/letters/family-letter",
  "/delegations/moscow-1989",
  "/privacy",
  "/ru",
  "/ru/petitions/moscow-trials",
  "/ru/letters/family-letter",
  "/ru/delegations/moscow-1989",
  "/ru/privacy",
];

function cacheBounds(response: APIResponse): { shared: number; stale: number } {
  const header = response.headers()["cache-control"] ?? "";
  expect(header).toMatch(/^public, /);
  const shared = Number(/s-maxage=(\d+)/.exec(header)?.[1]);
  const stale = Number(/stale-while-revalidate=(\d+)/.exec(header)?.[1]);
  return { shared, stale };
}

test("public pages are cacheable by any CDN, never for more than a minute, and show no internal address", async ({
  request,
}) => {
  for (const address of CACHED) {
    const response = await request.get(address, { headers: { "accept-language": "en" } });
    expect(response.status(), address).toBe(200);
    const { shared, stale } = cacheBounds(response);
    expect(shared, address).toBeGreaterThan(0);
    expect(shared + stale, `${address}: the oldest count a CDN may serve`).toBeLessThanOrEqual(60);
    const headers = Object.entries(response.headers())
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n");
    expect(headers, address).not.toMatch(/x-middleware-rewrite|\/en\//);
    const csp = response.headers()["content-security-policy"];
    expect(csp, address).not.toContain("nonce-");
    expect(csp, address).toContain("script-src-attr 'none'");
    expect(await response.text(), address).not.toContain(`name="${STAMP_FIELD}" value="`.concat("x")); // no stamp
  }
  const count = await request.get("/api/petitions/moscow-trials");
  const { shared, stale } = cacheBounds(count);
  expect(shared + stale, "the count endpoint's oldest count").toBeLessThanOrEqual(60);
});

test("a public page asked again within a second is sent from its copy; a hard reload and a token page are not", async ({
  request,
}) => {
  const get = (address: string, headers: Record<string, string> = {}) =>
    request.get(address, { headers: { "accept-language": "en", ...headers } });
  // Two views in a row; on a busy machine the second may come after the copy's second: try again.
  await expect
    .poll(async () => {
      const first = await get("/petitions/moscow-trials");
      const second = await get("/petitions/moscow-trials");
      const same = (await second.text()) === (await first.text());
      return same && second.headers()["age"] !== undefined ? second.headers()["cache-control"] : null;
    })
    .toMatch(/^public, /);
  const reload = await get("/petitions/moscow-trials", { "cache-control": "no-cache" });
  expect(reload.status()).toBe(200);
  expect(reload.headers()["age"]).toBeUndefined();
  for (const address of ["/confirm/not-a-token", "/resend-confirmation"]) {
    await get(address);
    expect((await get(address)).headers()["age"], address).toBeUndefined();
  }
});

test("pages with a token or personal data are never stored and keep their nonce", async ({ request }) => {
  for (const address of [
    `/confirm/${"A".repeat(43)}`,
    "/unsubscribe/" + "A".repeat(43),
    "/petitions/moscow-trials/thanks",
    "/petitions/moscow-trials/sent",
    "/resend-confirmation",
    "/sign-in",
    "/ru/confirm/" + "A".repeat(43),
  ]) {
    const response = await request.get(address);
    expect(response.headers()["cache-control"], address).toContain("no-store");
    expect(response.headers()["content-security-policy"], address).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
  }
  const stamp = await request.get("/api/petitions/moscow-trials/stamp");
  expect(stamp.headers()["cache-control"]).toBe("no-store");
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => path.join(dir, file))
    .filter((file) => statSync(file).isFile());
}

test("made-up addresses answer 404 and leave no files behind", async ({ request }) => {
  test.setTimeout(120_000);
  const before = new Set(filesUnder(".next"));
  const random = () => Math.random().toString(36).slice(2, 12);
  for (let i = 0; i < 500; i++) {
    for (const address of [`/api/petitions/${random()}`, `/api/${random()}/${random()}`, `/en/petitions/${random()}`]) {
      const response = await request.get(address, { maxRedirects: 5 });
      expect(response.status(), address).toBe(404);
    }
  }
  for (const address of ["/petitions/no-such-one", "/ru/letters/no-such-one", "/delegations/no-such-one"]) {
    expect((await request.get(address)).status(), address).toBe(404);
  }
  expect(filesUnder(".next").filter((file) => !before.has(file))).toEqual([]);
});

/** Signs through the API and confirms through the confirmation page, as a signer elsewhere would. */
async function confirmElsewhere(browser: Browser, documentPath: string, fields: Record<string, string>) {
  const email = unique("elsewhere");
  const context = await browser.newContext();
  const page = await context.newPage();
  const signed = await page.request.post(`/api${documentPath}/signatures`, {
    data: { name: "Someone Elsewhere", country: "FR", display: "full", ...fields, email },
  });
  expect(signed.status()).toBe(202);
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await context.close();
}

const shownCount = async (page: Page) =>
  Number((await page.locator(".count strong").first().innerText()).replace(/\D/g, ""));

test("a new confirmation shows within 10 s: on the next load without JavaScript, live with it", async ({ browser }) => {
  test.setTimeout(90_000); // two signers confirm through the mailbox
  const petition = createPetition("live-count");
  const reader = await browser.newPage();
  await reader.goto(petition.path);
  await expect(reader.locator(".count strong")).toHaveText("0");
  await reader.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  await confirmElsewhere(browser, petition.path, {});
  // The reader's tab in front again (polling pauses while a tab is hidden); the open page updates itself
  // (no reload: the mark on window survives).
  await reader.bringToFront();
  expect(await reader.evaluate(() => document.hidden)).toBe(false);
  await expect(reader.locator(".count strong")).toHaveText("1", { timeout: 10_000 });
  expect(await reader.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(petition.path);
  await confirmElsewhere(browser, petition.path, {});
  await expect(async () => {
    await plain.goto(petition.path);
    expect(await shownCount(plain)).toBe(2);
  }).toPass({ timeout: 10_000 });
  await noScript.close();
  await reader.close();
});

test.describe("the signing form's stamp", () => {
  /** Fills the form with JavaScript on, sends it with `stamp` in place of its own, and says what came back. */
  async function sendWithStamp(page: Page, documentPath: string, email: string, stamp: string) {
    await page.goto(documentPath);
    await page.getByLabel("Your name", { exact: true }).fill("Stamp Tester");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "France" });
    const own = page.locator(`[name="${STAMP_FIELD}"]`);
    await expect(own).not.toHaveValue("");
    await own.evaluate((input: HTMLInputElement, value) => (input.value = value), stamp);
    await page.getByRole("button", { name: /^Sign the/ }).click();
  }
  const stored = (email: string) =>
    withDatabase((db) => db.prepare("select count(*) from signatures where email = ?").pluck().get(email) as number);

  test("is used once, for one document, within the hour; refused, the form asks to press again", async ({ page }) => {
    test.setTimeout(90_000); // six submissions
    const petition = createPetition("stamps");
    const stamp = await freshFormStamp(petition.path);
    ageFormStamp(stamp, 5_000); // as if the form had been first used 5 s ago: no wait

    const first = unique("stamp-first");
    await sendWithStamp(page, petition.path, first, stamp);
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    expect(stored(first)).toBe(1);

    const cases = [
      ["used before", async () => stamp],
      [
        "expired",
        async () => {
          const old = await freshFormStamp(petition.path);
          ageFormStamp(old, 61 * 60 * 1000);
          return old;
        },
      ],
      [
        "for another document",
        async () => {
          const other = await freshFormStamp("/letters/family-letter");
          ageFormStamp(other, 5_000);
          return other;
        },
      ],
      ["made up", async () => "A".repeat(24)],
    ] as const;
    for (const [label, make] of cases) {
      const email = unique("stamp-refused");
      await sendWithStamp(page, petition.path, email, await make());
      await expect(page.locator("form.form").getByRole("status"), label).toContainText("press the button again");
      expect(stored(email), label).toBe(0);
      await expect(page.getByLabel("Email address", { exact: true }), `${label}: kept`).toHaveValue(email);
    }
    // The form came back with a new stamp: pressing again a moment later sends it.
    await page.waitForTimeout(MIN_FILL_MS + 100);
    await page.getByRole("button", { name: /^Sign the/ }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  });

  test("without JavaScript the first press brings the form back with a stamp, the second signs", async ({
    browser,
  }) => {
    const petition = createPetition("stamps-nojs");
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = unique("nojs-stamp");
    await page.goto(petition.path);
    await page.getByLabel("Your name", { exact: true }).fill("No Script");
    await page.getByLabel("Email address", { exact: true }).fill(email);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "France" });
    await page.getByRole("button", { name: /^Sign the/ }).click();
    await expect(page.locator("form.form").getByRole("status")).toContainText("press the button again");
    expect(stored(email)).toBe(0);
    await page.waitForTimeout(MIN_FILL_MS + 100);
    await page.getByRole("button", { name: /^Sign the/ }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    expect(withDatabase((db) => db.prepare("select state from signatures where email = ?").pluck().get(email))).toBe(
      "pending",
    );
    await context.close();
  });
});

test("hostile text from signers and organisers, shown on cached pages, runs no script", async ({ browser, page }) => {
  test.setTimeout(60_000);
  const payloads = [
    `<script>window.__hacked = "script"</script>`,
    `<img src=x onerror="window.__hacked = 'onerror'">`,
    `"><svg onload="window.__hacked='svg'">`,
  ];
  await confirmElsewhere(browser, "/letters/family-letter", {
    name: `Mallory ${payloads[0]}`,
    city: payloads[2],
    comment: payloads[1],
    organisation: `Org ${payloads[1]}`,
    role: `Role ${payloads[2]}`,
  });
  await confirmElsewhere(browser, "/petitions/moscow-trials", { name: `Eve ${payloads[1]}`, comment: payloads[0] });
  const marker = `hostile-${Date.now()}`;
  withDatabase((db) =>
    db
      .prepare(
        "update document_texts set body = body || ? where document_id = (select id from documents where slug = 'family-letter')",
      )
      .run(
        `\n\n${marker} ${payloads.join(" ")}\n\n[click me](javascript:window.__hacked='link')\n\n<iframe src="javascript:window.__hacked='frame'"></iframe>\n`,
      ),
  );

  await page.addInitScript(() => {
    const store = window as unknown as { violations: string[] };
    store.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => store.violations.push(event.violatedDirective));
  });
  for (const address of ["/letters/family-letter", "/petitions/moscow-trials", "/ru/letters/family-letter"]) {
    await expect(async () => {
      await page.goto(address);
      await expect(page.getByText(/Mallory|Eve/).first()).toBeVisible({ timeout: 1000 });
      if (address.includes("letters")) await expect(page.getByText(marker)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    if (address.includes("letters")) await expect(page.getByText(/<script>window.__hacked/).first()).toBeVisible();
    await expect(
      page.locator('[href^="javascript:" i], [src^="javascript:" i], iframe, [onerror], [onload]'),
    ).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: string }).__hacked), address).toBeUndefined();
    expect(
      await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
      `${address}: a violation means the markup reached the page as HTML`,
    ).toEqual([]);
  }
});
