import { expect as baseExpect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, grantRole, signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage } from "@/e2e/support/document-page";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

// Several sign-ins and page loads each, on a machine shared with other work: patient waits.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const EMAIL_ADDRESS = /[^\s@<>()"]+@[^\s@<>()"]+\.[a-z]{2,}/gi;

async function signAndConfirm(page: Page, name: string, email: string) {
  const document = new DocumentPage(page, "/petitions/moscow-trials");
  await document.open();
  await document.fill({ name, email, country: "Norway", city: "Bergen" });
  await document.submit();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
}

const signatureIdOf = (email: string) =>
  withDatabase((db) => (db.prepare("select id from signatures where email = ?").get(email) as { id: number }).id);

const stateOf = (id: number) =>
  withDatabase((db) => (db.prepare("select state from signatures where id = ?").get(id) as { state: string }).state);

/** Every address on the page that is not the signed-in person's own. */
async function foreignAddresses(page: Page, own: string) {
  const text = `${await page.locator("body").innerText()} ${await page.content()}`;
  return [...new Set(text.match(EMAIL_ADDRESS) ?? [])].filter((address) => address.toLowerCase() !== own);
}

test("an owner invites an organiser by email, who signs in with an organiser's rights until demoted or removed", async ({
  browser,
  page,
}) => {
  const invited = `invited-${Date.now()}@localhost`;
  await signInAsAdmin(page);
  await page.goto("/admin/organisers");
  await expect(page.getByText(/cannot be demoted or removed here/)).toBeVisible();
  await page.getByLabel("Email address", { exact: true }).fill(invited);
  await page.getByLabel("Role", { exact: true }).selectOption("organiser");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation sent");
  await expect(page.getByRole("row", { name: new RegExp(invited) })).toContainText("not yet");

  const invitation = await waitForMail(invited);
  expect(invitation.subject).toBe("You are invited to help run Moscow Trials Campaign Committee");
  expect(invitation.text).toContain("/sign-in");
  expect(invitation.html).toContain('name="viewport"');

  // Inviting the same address again is refused, and nothing changes.
  await page.getByLabel("Email address", { exact: true }).fill(invited.toUpperCase());
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("That address is already on the list, as organiser.").first()).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signInAsAdmin(other, invited);
  const nav = other.getByRole("navigation", { name: "Organisers" });
  await expect(nav.getByRole("link", { name: "Documents" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Organisers" })).toHaveCount(0);
  expect((await other.request.get("/api/admin/export?format=csv")).status()).toBe(200);
  await other.goto("/admin/organisers");
  await expect(other).toHaveURL(/\/admin\/not-allowed$/);
  await expect(other.getByRole("heading", { name: "Not for your role" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(invited) })).not.toContainText("not yet");

  // Demoted while a form is open: the next press is refused, nothing is saved, and the pages close at once.
  await other.goto("/admin/organisation");
  await other.getByLabel("Name of the organisation").fill("Hijacked by a demoted organiser");
  const row = page.getByRole("row", { name: new RegExp(invited) });
  await row.getByLabel(`Role of ${invited}`).selectOption("moderator");
  await row.getByRole("button", { name: /^Change/ }).click();
  await expect(page.getByRole("status")).toContainText("Role changed");
  await other.getByRole("button", { name: "Save" }).click();
  await expect(other).toHaveURL(/\/admin\/not-allowed$/);
  await other.goto("/about");
  await expect(other.getByRole("main")).not.toContainText("Hijacked");
  await other.goto("/admin/documents");
  await expect(other).toHaveURL(/\/admin\/not-allowed$/);
  expect((await other.request.get("/api/admin/export?format=csv")).status()).toBe(403);

  // Removed: the session ends.
  await page.goto("/admin/organisers");
  await page
    .getByRole("row", { name: new RegExp(invited) })
    .getByRole("button", { name: /^Remove/ })
    .click();
  await expect(page.getByRole("status")).toContainText("Removed");
  await other.goto("/admin/review");
  await expect(other).toHaveURL(/\/sign-in/);
  await context.close();

  await page.goto("/admin/audit");
  for (const action of ["organiser.invite", "organiser.role-change", "organiser.remove"]) {
    await expect(page.locator("tbody tr", { hasText: action }).filter({ hasText: invited }).first()).toBeVisible();
  }
});

test("owners from ADMIN_EMAILS are listed apart without buttons; invited owners can be demoted and removed", async ({
  page,
}) => {
  const owner = `second-owner-${Date.now()}@localhost`;
  grantRole(owner, "owner");
  await signInAsAdmin(page);
  await page.goto("/admin/organisers");
  await expect(page.getByRole("listitem").filter({ hasText: `${ADMIN_EMAIL} (you)` })).toBeVisible();
  await expect(page.getByLabel(`Role of ${ADMIN_EMAIL}`)).toHaveCount(0);
  const row = page.getByRole("row", { name: new RegExp(owner) });
  await row.getByLabel(`Role of ${owner}`).selectOption("moderator");
  await row.getByRole("button", { name: /^Change/ }).click();
  await expect(page.getByRole("status")).toContainText("Role changed");
  await page
    .getByRole("row", { name: new RegExp(owner) })
    .getByRole("button", { name: /^Remove/ })
    .click();
  await expect(page.getByRole("status")).toContainText("Removed");
});

test("a moderator reviews by name and country, never sees an email address, and cannot export", async ({
  browser,
  page,
}) => {
  const signer = `moderated-${Date.now()}@example.org`;
  await signAndConfirm(page, "Moderated Signer", signer);
  const id = signatureIdOf(signer);

  const moderator = `moderator-${Date.now()}@localhost`;
  grantRole(moderator, "moderator");
  const context = await browser.newContext();
  const mod = await context.newPage();
  await signInAsAdmin(mod, moderator);
  const nav = mod.getByRole("navigation", { name: "Organisers" });
  await expect(nav.getByRole("link", { name: "Review" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Documents" })).toHaveCount(0);

  for (const path of ["/admin", "/admin/review", "/admin/signatures", `/admin/signatures/${id}`]) {
    await mod.goto(path);
    await expect(mod.getByRole("navigation", { name: "Organisers" })).toBeVisible();
    expect(await foreignAddresses(mod, moderator), path).toEqual([]);
  }
  await mod.goto("/admin/signatures");
  await expect(mod.getByRole("row", { name: /Moderated Signer/ }).first()).toContainText("Norway");
  await expect(mod.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  // The search cannot probe addresses either.
  await mod.goto(`/admin/signatures?q=${encodeURIComponent(signer)}`);
  await expect(mod.getByText("No signatures match.")).toBeVisible();

  // Reject and restore, like an organiser.
  await mod.goto(`/admin/signatures/${id}`);
  await mod.getByRole("button", { name: "Reject this signature" }).click();
  await expect(mod.locator("dl.details")).toContainText("rejected");
  await mod.getByRole("button", { name: "Restore this signature" }).click();
  await expect(mod.locator("dl.details")).toContainText("confirmed");
  expect(stateOf(id)).toBe("confirmed");
  expect(await foreignAddresses(mod, moderator)).toEqual([]); // the history names no organiser's address

  // Exports, organisers' pages and their route handlers are refused.
  for (const url of ["/api/admin/export?format=csv", "/api/admin/export?format=ndjson", "/api/admin/dossiers/1"]) {
    const response = await mod.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(403);
    expect(await response.text()).not.toContain(signer);
  }
  for (const path of ["/admin/signatures/invalidate", "/admin/audit", "/admin/mail", "/admin/organisers"]) {
    const response = await mod.request.get(path, { maxRedirects: 0 });
    expect([303, 307], path).toContain(response.status());
    expect(response.headers().location, path).toContain("/admin/not-allowed");
  }

  // An organiser's form replayed with the moderator's session does nothing.
  await signInAsAdmin(page);
  await page.goto("/admin/organisation");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Save" }) });
  const fields = Object.fromEntries(
    await form
      .locator("input[type=hidden], input[name], textarea[name]")
      .evaluateAll((inputs) =>
        inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as const),
      ),
  );
  const response = await mod.request.post("/admin/organisation", {
    multipart: { ...fields, name: "Renamed by a moderator" },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  await page.reload();
  await expect(page.getByLabel("Name of the organisation")).not.toHaveValue("Renamed by a moderator");
  await context.close();
});

test("the about page and the footer say who runs the campaign, in both languages, and follow the organisers' edits", async ({
  page,
}) => {
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1, name: "Who is behind this campaign" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Moscow Trials Campaign Committee");
  await expect(page.getByRole("main").locator("address")).toContainText("PO Box");
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText("Run by Moscow Trials Campaign Committee.");
  await expect(footer.getByRole("link", { name: "organisers@moscow-trials.example" })).toHaveAttribute(
    "href",
    "mailto:organisers@moscow-trials.example",
  );

  await page.goto("/ru/about");
  await expect(page.getByRole("heading", { level: 1, name: "Кто стоит за этой кампанией" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Мы — небольшая группа добровольцев");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Кто мы" })).toBeVisible();

  await page.goto("/petitions/moscow-trials");
  await page.getByRole("link", { name: "Moscow Trials Campaign Committee" }).click();
  await expect(page).toHaveURL(/\/about$/);

  // An organiser's edit shows at once (the cached pages are cleared); bad input keeps what was typed.
  await signInAsAdmin(page);
  await page.goto("/admin/organisation");
  const name = page.getByLabel("Name of the organisation");
  const original = await name.inputValue();
  await name.fill("Friends of the Moscow Archive");
  await page.getByLabel("Contact email address").fill("not an address");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The contact address must be an email address.").first()).toBeVisible();
  await expect(name).toHaveValue("Friends of the Moscow Archive");
  await page.getByLabel("Contact email address").fill("friends@archive.example");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  try {
    await page.goto("/about");
    await expect(page.getByRole("main")).toContainText("Friends of the Moscow Archive");
    await expect(page.getByRole("contentinfo")).toContainText("Run by Friends of the Moscow Archive.");
    await page.goto("/ru");
    await expect(page.getByRole("contentinfo")).toContainText("friends@archive.example");
  } finally {
    await page.goto("/admin/organisation");
    await page.getByLabel("Name of the organisation").fill(original);
    await page.getByLabel("Contact email address").fill("organisers@moscow-trials.example");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("Saved");
  }
});
