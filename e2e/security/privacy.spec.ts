import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA } from "@/playwright.config";
import { ADMIN_EMAIL, signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { confirmLink, mailTo, waitForMail } from "@/e2e/support/mailbox";
import { logFromHere } from "@/e2e/support/server-process";

// Attacks on signers' and organisers' privacy, replayed against the production build.

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const MAIL_DIR = path.join(E2E_DATA, "mail");
const mode = (file: string) => statSync(file).mode & 0o777;

async function signByApi(request: import("@playwright/test").APIRequestContext, email: string, name: string) {
  const response = await request.post("/api/petitions/moscow-trials/signatures", {
    data: { name, email, country: "FR", display: "full" },
  });
  expect(response.status()).toBe(202);
  return waitForMail(email);
}

test("the database, its WAL and SHM, the mailbox and its emails are readable by the server's user only", async ({
  request,
}) => {
  await signByApi(request, unique("modes"), "Mode Checker");
  for (const file of ["app.db", "app.db-wal", "app.db-shm"]) expect(mode(path.join(E2E_DATA, file)), file).toBe(0o600);
  expect(mode(MAIL_DIR)).toBe(0o700);
  for (const file of readdirSync(MAIL_DIR)) expect(mode(path.join(MAIL_DIR, file)), file).toBe(0o600);
});

test("the private link stays out of the thank-you page's address and the log; withdrawing erases the mailbox copies", async ({
  page,
  request,
}) => {
  const email = unique("handoff");
  const log = logFromHere();
  await page.goto(confirmLink(await signByApi(request, email, "Hand Off")));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  expect(page.url()).not.toContain("manage");
  const manage = page.getByRole("link", { name: "Manage my signature" });
  const href = (await manage.getAttribute("href"))!;
  const token = href.split("/").pop()!;
  expect(token).toMatch(/^\d+\.[\w-]{43}$/);
  expect(log()).not.toContain(token.split(".")[1]);

  // Another browser on the same thank-you page learns nothing.
  const stranger = await page.context().browser()!.newContext();
  const other = await stranger.newPage();
  await other.goto(page.url());
  await expect(other.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await expect(other.getByRole("link", { name: "Manage my signature" })).toHaveCount(0);
  await stranger.close();

  await manage.click();
  await page.getByLabel("Yes, withdraw my signature").check();
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
  expect(mailTo(email)).toEqual([]);
});

test("the manage page of a held signature says nothing about holds", async ({ page, request }) => {
  const email = unique("held");
  await page.goto(confirmLink(await signByApi(request, email, "Held Back")));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  const href = (await page.getByRole("link", { name: "Manage my signature" }).getAttribute("href"))!;
  withDatabase((db) => db.prepare("update signatures set state = 'held' where email = ?").run(email));
  for (const link of [href, `/ru${href}`]) {
    await page.goto(link);
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/Confirmed|Подтверждена/);
    expect(text).not.toMatch(/check|held|review|проверк/i);
  }
});

test("an organiser sees only their own sign-in links in the mailbox", async ({ page }) => {
  test.slow(); // signing in, then four pages, on a busy machine
  await signInAsAdmin(page);
  const own = mailTo(ADMIN_EMAIL).at(-1)!;
  // Another organiser's sign-in email, as the server writes it.
  const theirs = { ...own, id: "sign-in-other-organiser", to: "other-organiser@example.org" };
  writeFileSync(path.join(MAIL_DIR, `${theirs.id}.json`), JSON.stringify(theirs), { mode: 0o600 });

  await page.goto("/admin/mail");
  await expect(page.getByRole("link", { name: own.subject }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: theirs.to })).toHaveCount(0);
  expect((await page.goto(`/admin/mail/${theirs.id}`))?.status()).toBe(404);
  expect((await page.goto(`/admin/mail/${own.id}`))?.status()).toBe(200);
});

test("the audit log records that a search or filtered export happened, not what was searched for", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const term = `Secretname${Date.now()}`;
  await page.goto(`/admin/signatures?q=${term}`);
  await expect(page.getByRole("heading", { name: "Signatures" })).toBeVisible();
  const exported = await page.request.get(`/api/admin/export?format=csv&q=${term}`);
  expect(exported.status()).toBe(200);
  await exported.text();
  const details = () =>
    withDatabase((db) => db.prepare("select details from audit_log").pluck().all()) as (string | null)[];
  // The export's entry is written once its stream has ended.
  await expect
    .poll(() => details().filter((entry) => entry?.includes('"q":"(given)"')).length)
    .toBeGreaterThanOrEqual(2);
  expect(details().join("\n")).not.toContain(term);
});

test("the privacy page says how long audit entries are kept, in both languages", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByText(/audit log records what they did.*deleted after 365 days/)).toBeVisible();
  await page.goto("/ru/privacy");
  await expect(page.getByText(/Журнал действий организаторов.*удаляются через 365 дней/)).toBeVisible();
});
