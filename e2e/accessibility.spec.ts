import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";
import { DocumentPage } from "@/e2e/support/document-page";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

const publicPages = [
  "/",
  "/petitions/moscow-trials",
  "/letters/family-letter",
  "/delegations/moscow-1989",
  "/petitions/moscow-trials/sent",
  "/petitions/moscow-trials/thanks",
  "/resend-confirmation",
  `/confirm/${"A".repeat(43)}`,
  `/signature/1.${"A".repeat(43)}`,
  "/ru",
  "/ru/petitions/moscow-trials",
  "/ru/letters/family-letter",
  "/ru/delegations/moscow-1989",
  "/privacy",
  "/ru/privacy",
];

test("every public page passes axe's WCAG 2 A/AA rules", async ({ page }) => {
  // Axe over fifteen pages: 1.4 min on a loaded 2-core machine, more when it is busier still.
  test.setTimeout(300_000);
  for (const path of publicPages) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  for (const path of ["/sign-in", "/sign-in/check-email"]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }

  const document = new DocumentPage(page, "/petitions/moscow-trials");
  await document.open();
  await document.submit();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expectNoViolations(page, "the form with errors");

  const email = unique("axe");
  await document.sign({ name: "Ann Axe", email, country: "Ireland" });
  await page.goto(confirmLink(await waitForMail(email)));
  await expectNoViolations(page, "the confirm page");
});

test("a person can sign with the keyboard alone", async ({ page }) => {
  const email = unique("keyboard");
  await page.goto("/petitions/moscow-trials");
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  // From the skip link, into the form, field by field.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.locator("#name").focus();
  await page.keyboard.type("Keyboard Person");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("email");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("country");
  await page.keyboard.type("Canada");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("city");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("comment");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("display-full");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Initials and city")).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/Email me updates/)).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  await page.goto(confirmLink(await waitForMail(email)));
  const button = page.getByRole("button", { name: "Confirm my signature" });
  for (let i = 0; i < 20 && !(await button.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
});

test("the organisers' pages pass axe's WCAG 2 A/AA rules", async ({ page }) => {
  test.setTimeout(120_000); // axe over every organiser page takes most of a minute on a loaded 2-core machine
  await signInAsAdmin(page);
  const signatureId = await page.goto("/admin/signatures").then(() => page.locator("tbody a").first().textContent());
  for (const path of [
    "/admin",
    "/admin/signatures",
    `/admin/signatures/${signatureId}`,
    "/admin/signatures/invalidate?domain=example.org",
    "/admin/documents",
    "/admin/documents/moscow-trials",
    "/admin/audit",
    "/admin/mail",
    "/admin/sessions",
  ]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});
