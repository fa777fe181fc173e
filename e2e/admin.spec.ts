import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage, expectPublicCount, keptCount } from "@/e2e/support/document-page";
import { confirmLink, mailTo, waitForMail } from "@/e2e/support/mailbox";

async function signAndConfirm(page: Page, name: string, email: string, country: string) {
  await new DocumentPage(page, "/petitions/moscow-trials").sign({ name, email, country, city: "Город" });
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
}

test("a non-admin address gets the same answer and no email", async ({ page }) => {
  const intruder = `intruder-${Date.now()}@example.org`;
  await page.goto("/sign-in");
  await page.getByLabel("Organiser email address").fill(intruder);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(mailTo(intruder)).toHaveLength(0);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an organiser signs in, exports exactly the filtered rows as CSV and JSON, and the audit log shows it", async ({
  page,
}) => {
  const domain = `export-${Date.now()}.example.org`;
  await signAndConfirm(page, "Вера Иванова", `vera@${domain}`, "Russia");
  await signAndConfirm(page, '=HYPERLINK("http://evil.example")', `formula@${domain}`, "France");
  await new DocumentPage(page, "/petitions/moscow-trials").sign({
    name: "Pending Person",
    email: `pending@${domain}`,
    country: "Mexico",
  });
  await new DocumentPage(page, "/petitions/moscow-trials").sign({
    name: "Elsewhere",
    email: `other@not-${domain}`,
    country: "Mexico",
  });

  await signInAsAdmin(page);
  await page.goto("/admin/signatures");
  await page.getByLabel("Search").fill(`@${domain}`);
  await page.getByLabel("Document").selectOption("moscow-trials");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(3);

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await csvDownload;
  const today = new Date().toISOString().slice(0, 10);
  expect(csv.suggestedFilename()).toBe(`moscow-trials-all-states-${today}.csv`);
  const csvBytes = await readFile(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csvBytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "document,name,email,country,city,comment,display,updates,state,created,confirmed,organisation,role,textVersion,language,source,confirmedBy",
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(
    new RegExp(`^moscow-trials,Вера Иванова,vera@${domain.replaceAll(".", "\\.")},RU,Город,,full,no,confirmed,`),
  );
  expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"")",formula@${domain}`);
  expect(lines[3]).toContain(`Pending Person,pending@${domain},MX`);
  expect(lines[3]).toMatch(/,pending,[^,]+,,,,\d+,en,,$/);

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON (NDJSON)" }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe(`moscow-trials-all-states-${today}.ndjson`);
  const rows = (await readFile(await json.path(), "utf8"))
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(rows.map((row) => [row.name, row.state])).toEqual([
    ["Вера Иванова", "confirmed"],
    ['=HYPERLINK("http://evil.example")', "confirmed"],
    ["Pending Person", "pending"],
  ]);

  await page.goto("/admin/audit");
  const exports = page.locator("tbody tr", { hasText: "signatures.export" });
  await expect(exports.first()).toContainText(`"rows":3`);
  // That a filter was used is kept; the personal term itself is not.
  await expect(exports.first()).toContainText(`"q":"(given)"`);
  await expect(exports.first()).not.toContainText(domain);
  await expect(page.locator("tbody tr", { hasText: "admin.sign-in" }).first()).toContainText(ADMIN_EMAIL);
});

test("asking for an export's headers alone (HEAD) starts no export and leaves room for the real ones", async ({
  page,
}) => {
  await signInAsAdmin(page);
  // Each instance runs two exports at a time: were a HEAD to start one, these would fill both places.
  for (let i = 0; i < 3; i++) {
    const head = await page.request.head("/api/admin/export?format=csv");
    expect(head.status()).toBe(200);
    expect(head.headers()["content-disposition"]).toMatch(/^attachment; filename="all-documents-.*\.csv"$/);
  }
  const exported = await page.request.get("/api/admin/export?format=csv");
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toMatch(/^\uFEFFdocument,name,email,/);
});

test("rejecting a signature lowers the public count, restoring brings it back, and both are audited", async ({
  page,
}) => {
  const email = `reject-${Date.now()}@example.org`;
  await signAndConfirm(page, "Reject Me", email, "Spain");
  const counted = await keptCount();
  const id = withDatabase(
    (db) => (db.prepare("select id from signatures where email = ?").get(email) as { id: number }).id,
  );

  await signInAsAdmin(page);
  await page.goto(`/admin/signatures/${id}`);
  await page.getByRole("button", { name: "Reject this signature" }).click();
  await expect(page.locator("dl.details")).toContainText("rejected");
  expect(await keptCount()).toBe(counted - 1);
  await expectPublicCount(page, counted - 1); // moderation refreshes the cached public pages
  await page.goto("/petitions/moscow-trials");
  await expect(page.locator(".signers")).not.toContainText("Reject Me");

  await page.goto(`/admin/signatures/${id}`);
  await page.getByRole("button", { name: "Restore this signature" }).click();
  await expect(page.locator("dl.details")).toContainText("confirmed");
  expect(await keptCount()).toBe(counted);
  await expect(page.getByRole("listitem").filter({ hasText: "reject by admin@localhost" })).toBeVisible();

  await page.goto("/admin/audit?action=signature.reject");
  await expect(page.locator("tbody tr", { hasText: `signature #${id}` })).toHaveCount(1);
});

test("bulk invalidation previews how many rows it touches, then rejects them and fixes the count", async ({ page }) => {
  const domain = `spam-${Date.now()}.example.net`;
  for (const name of ["Bot One", "Bot Two"])
    await signAndConfirm(page, name, `${name.replace(" ", "").toLowerCase()}@${domain}`, "Canada");
  const counted = await keptCount();

  await signInAsAdmin(page);
  await page.goto("/admin/signatures/invalidate");
  await page.getByLabel("Email domain").fill(domain);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("2 signatures match (2 of them confirmed and counted).")).toBeVisible();
  expect(await keptCount()).toBe(counted); // the preview changes nothing
  await page.getByRole("button", { name: "Reject these 2 signatures" }).click();
  await expect(page.getByText("2 signatures were rejected.")).toBeVisible();
  expect(await keptCount()).toBe(counted - 2);

  await page.goto("/admin/audit?action=signatures.invalidate");
  await expect(page.locator("tbody tr").first()).toContainText(`"domain":"(given)"`);
  await expect(page.locator("tbody tr").first()).not.toContainText(domain);
});

test("an organiser edits a document with a preview, and the public page changes at once", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/documents/family-letter");
  const original = await page.getByLabel("Title").inputValue();
  const edited = `${original} (revised ${Date.now()})`;
  await page.getByLabel("Title").fill(edited);
  await page.getByLabel(/^Text/).fill("A **bold** line.\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview (not saved yet)" });
  await expect(preview.getByRole("heading", { name: edited })).toBeVisible();
  await expect(preview.locator(".document-text strong")).toHaveText("bold");
  await expect(preview).not.toContainText("alert(1)");
  await page.goto("/letters/family-letter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(original); // not saved yet

  await page.goto("/admin/documents/family-letter");
  const body = await page.getByLabel(/^Text/).inputValue();
  await page.getByLabel("Title").fill(edited);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto("/letters/family-letter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited);

  await page.goto("/admin/documents/family-letter");
  await page.getByLabel("Title").fill(original);
  await page.getByLabel(/^Text/).fill(body);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto("/admin/audit?action=document.update");
  await expect(page.locator("tbody tr").first()).toContainText("family-letter");
});

test("a session lasts 12 hours, can be revoked, and signing out ends it", async ({ browser, page }) => {
  await signInAsAdmin(page);
  const token = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"))!.value;
  const expires = withDatabase(
    (db) =>
      (db.prepare("select expires from session where sessionToken = ?").get(token) as { expires: number }).expires,
  );
  expect((expires - Date.now()) / 3600_000).toBeGreaterThan(11.9);
  expect((expires - Date.now()) / 3600_000).toBeLessThanOrEqual(12);
  const other = await browser.newPage();
  await signInAsAdmin(other);
  await page.goto("/admin/sessions");
  expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
  // Revoke every session but this page's own (the list names sessions by a digest of their token).
  const ownId = createHash("sha256").update(token).digest("hex").slice(0, 24);
  const others = page.locator(`tbody tr:has(input[name="id"]:not([value="${ownId}"])) button`);
  while ((await others.count()) > 0) {
    const remaining = await others.count();
    await others.first().click();
    await expect(others).toHaveCount(remaining - 1);
  }
  await other.goto("/admin");
  await expect(other).toHaveURL(/\/sign-in/);
  await other.close();

  await page.goto("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/admin/signatures");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an organiser's form replayed without a session does nothing", async ({ page, playwright }) => {
  const email = `replay-${Date.now()}@example.org`;
  await signAndConfirm(page, "Replay Target", email, "Italy");
  const id = withDatabase(
    (db) => (db.prepare("select id from signatures where email = ?").get(email) as { id: number }).id,
  );
  await signInAsAdmin(page);
  await page.goto(`/admin/signatures/${id}`);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Reject this signature" }) });
  const fields = await form
    .locator("input[type=hidden]")
    .evaluateAll((inputs) =>
      inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
    );
  expect(fields.some(([name]) => /^\$ACTION_(ID|REF)_/.test(name))).toBe(true); // the action, with its form state bound

  // The same post from a client with no session: the action must check the session itself.
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const response = await anonymous.post(`/admin/signatures/${id}`, {
    multipart: Object.fromEntries(fields),
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  expect(
    withDatabase((db) => (db.prepare("select state from signatures where id = ?").get(id) as { state: string }).state),
  ).toBe("confirmed");
  await anonymous.dispose();
});
