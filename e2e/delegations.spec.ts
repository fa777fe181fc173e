import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";

// The machine the suite runs on may be busy: each test signs in and waits for cached pages to refresh.
test.describe.configure({ timeout: 180_000 });

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const slug = `leningrad-${run}`;
const title = `The Leningrad delegation ${run}`;

const formWith = (page: Page, button: string) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: button }) });

/** Public pages are cached for a few seconds: reload until the change shows. */
async function eventually(page: Page, address: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(address);
    await check();
  }).toPass({ timeout: 20_000 });
}

async function addMember(page: Page, name: string, role: string) {
  const form = formWith(page, "Add the member");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role", { exact: true }).fill(role);
  await form.getByLabel("Short biography (Markdown)").fill(`${name} travels with the delegation.`);
  await form.getByRole("button", { name: "Add the member" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. The public page shows it now.");
  // The notice stays from the previous addition: the member in the list is what says this one is saved.
  await expect(page.locator(".member-order li strong").filter({ hasText: name })).toBeVisible();
}

/** A page signed in as `page` is, in a browser context with JavaScript off. */
async function withoutJavaScript(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  return context.newPage();
}

const memberNames = (list: Locator) => list.locator("li strong").allTextContents();

test.describe.serial("delegations", () => {
  test("an organiser creates a delegation; a bad address keeps what was typed; the header's index lists it", async ({
    page,
  }) => {
    await signInAsAdmin(page);
    await page.getByRole("navigation", { name: "Organisers" }).getByRole("link", { name: "Delegations" }).click();
    await expect(page.getByRole("heading", { name: "Delegations", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "New delegation" }).click();

    const form = formWith(page, "Create the delegation");
    await form.getByLabel("Address (/delegations/…)").fill("Leningrad 1990!");
    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Summary", { exact: true }).fill("Three relatives travel to Leningrad.");
    await form.getByLabel("Text (Markdown)", { exact: true }).fill("They carry the **letter**.");
    await form.getByRole("button", { name: "Create the delegation" }).click();
    await expect(form.locator("#slug-error")).toHaveText(
      "Use lower-case letters, digits and single dashes, such as moscow-1989.",
    );
    await expect(form.getByLabel("Title", { exact: true })).toHaveValue(title);
    await expect(form.getByLabel("Summary", { exact: true })).toHaveValue("Three relatives travel to Leningrad.");

    // The seeded delegation's address is taken.
    await form.getByLabel("Address (/delegations/…)").fill("moscow-1989");
    await form.getByRole("button", { name: "Create the delegation" }).click();
    await expect(form.locator("#slug-error")).toHaveText("Another delegation already has this address.");

    await form.getByLabel("Address (/delegations/…)").fill(slug);
    await form.getByRole("button", { name: "Create the delegation" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/delegations/${slug}\\?saved=created`));
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

    // It carries the petition.
    const carried = formWith(page, "Save the carried campaigns");
    await carried.getByLabel(/^Annul the Moscow Trials/).check();
    await carried.getByRole("button", { name: "Save the carried campaigns" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved. The public page shows it now.");
    await expect(formWith(page, "Save the carried campaigns").getByLabel(/^Annul the Moscow Trials/)).toBeChecked();

    // The header links to the index, which lists both delegations.
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Delegations" }).click();
    await expect(page).toHaveURL(/\/delegations$/);
    await eventually(page, "/delegations", async () => {
      await expect(page.getByRole("heading", { name: title, level: 2 })).toBeVisible({ timeout: 1000 });
    });
    await expect(page.getByRole("heading", { name: "The Moscow delegation, 1989", level: 2 })).toBeVisible();
    await expect(page.locator(".card", { hasText: title })).toContainText("Carries 1 document");
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Annul the Moscow Trials/ })).toBeVisible();
    await page.goto("/ru/delegations");
    await expect(page.getByRole("heading", { name: "Делегации", level: 1 })).toBeVisible();
  });

  test("members keep the order organisers set, with the move buttons working without JavaScript", async ({
    browser,
    page,
  }) => {
    await signInAsAdmin(page);
    await page.goto(`/admin/delegations/${slug}`);
    await addMember(page, "Anna Ostrovskaya", "Granddaughter");
    await addMember(page, "Boris Petrov", "Historian");
    await addMember(page, "Clara Weiss", "Translator");

    const plain = await withoutJavaScript(browser, page);
    await plain.goto(`/admin/delegations/${slug}`);
    const list = plain.locator(".member-order");
    expect(await memberNames(list)).toEqual(["Anna Ostrovskaya", "Boris Petrov", "Clara Weiss"]);
    // The first has no "up", the last no "down".
    await expect(list.getByRole("button", { name: "Move up Anna Ostrovskaya" })).toHaveCount(0);
    await expect(list.getByRole("button", { name: "Move down Clara Weiss" })).toHaveCount(0);
    await list.getByRole("button", { name: "Move up Clara Weiss" }).click();
    await expect(plain.getByRole("status")).toHaveText("The members' order is saved.");
    expect(await memberNames(plain.locator(".member-order"))).toEqual([
      "Anna Ostrovskaya",
      "Clara Weiss",
      "Boris Petrov",
    ]);
    await plain.locator(".member-order").getByRole("button", { name: "Move down Anna Ostrovskaya" }).click();
    await expect(plain.getByRole("status")).toHaveText("The members' order is saved.");
    expect(await memberNames(plain.locator(".member-order"))).toEqual([
      "Clara Weiss",
      "Anna Ostrovskaya",
      "Boris Petrov",
    ]);
    await plain.context().close();

    await eventually(page, `/delegations/${slug}`, async () => {
      expect(await page.locator(".members h3").allTextContents()).toEqual([
        "Clara Weiss",
        "Anna Ostrovskaya",
        "Boris Petrov",
      ]);
    });
  });

  test("an organiser edits a member's name, role and biography, without JavaScript; a refused edit keeps the text", async ({
    browser,
    page,
  }) => {
    await signInAsAdmin(page);
    const plain = await withoutJavaScript(browser, page);
    await plain.goto(`/admin/delegations/${slug}`);
    const members = plain.getByRole("region", { name: "Members" });
    const boris = members.locator("li", { has: plain.locator("strong", { hasText: "Boris Petrov" }) });
    await boris.locator("summary", { hasText: "Edit" }).click();
    const form = boris.locator("form.form");
    await expect(form.getByLabel("Role", { exact: true })).toHaveValue("Historian");
    await form.getByLabel("Name", { exact: true }).fill("Boris Petrovich");
    await form.getByLabel("Role", { exact: true }).fill("Archivist");
    await form.getByLabel("Russian role (optional)").fill("Архивист");
    await form.getByRole("button", { name: "Save the member" }).click();
    // Refused: a Russian role without its biography. What was typed stays.
    const refused = boris.locator("form.form"); // unfolded again, with its message
    await expect(refused.getByRole("alert")).toHaveText("Give both the Russian role and biography, or neither.");
    await expect(refused.getByLabel("Name", { exact: true })).toHaveValue("Boris Petrovich");
    await refused.getByLabel("Russian biography").fill("Работает в архиве.");
    await refused.getByRole("button", { name: "Save the member" }).click();
    await expect(plain.getByRole("status")).toHaveText("Saved. The public page shows it now.");
    // It keeps its place in the order.
    expect(await memberNames(plain.locator(".member-order"))).toEqual([
      "Clara Weiss",
      "Anna Ostrovskaya",
      "Boris Petrovich",
    ]);
    await plain.context().close();

    await eventually(page, `/delegations/${slug}`, async () => {
      await expect(page.locator(".members h3")).toHaveText(["Clara Weiss", "Anna Ostrovskaya", "Boris Petrovich"], {
        timeout: 1000,
      });
    });
    await expect(page.locator(".members")).toContainText("Archivist");
    await page.goto(`/ru/delegations/${slug}`);
    await expect(page.locator(".members")).toContainText("Архивист");
    await page.goto("/admin/audit");
    await expect(page.locator("tbody tr", { hasText: "member.update" }).first()).toContainText("Boris Petrovich");
  });

  test("a posted dispatch can be edited, refused edits keep the text, and it can be removed", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto(`/admin/delegations/${slug}`);
    const published = page.getByRole("region", { name: "Published dispatches" });
    const newForm = formWith(page, "Publish the dispatch");
    await newForm.getByLabel("Date it speaks of").fill("1990-04-12");
    await newForm.getByLabel("Title", { exact: true }).fill("Arrival at the Finland Station");
    await newForm.getByLabel("Text (Markdown)").fill("The train was late, and the hall was full.");
    await newForm.getByRole("button", { name: "Publish the dispatch" }).click();
    await expect(page.getByText("The dispatch is published.")).toBeVisible();
    await eventually(page, `/delegations/${slug}`, async () => {
      await expect(page.locator(".dispatch h3")).toHaveText(["Arrival at the Finland Station"], { timeout: 1000 });
    });

    await page.goto(`/admin/delegations/${slug}`);
    await published.getByText("1990-04-12: Arrival at the Finland Station").click();
    const edit = formWith(page, "Save the dispatch");
    await edit.getByLabel("Title", { exact: true }).fill("Arrival at the Finland Station, a day late");
    await edit.getByLabel("Russian title (optional)").fill("Прибытие на Финляндский вокзал");
    await edit.getByRole("button", { name: "Save the dispatch" }).click();
    // Refused: a Russian title without its text. What was typed stays.
    await expect(edit.getByRole("alert")).toHaveText("Give both the Russian title and text, or neither.");
    await expect(edit.getByLabel("Title", { exact: true })).toHaveValue("Arrival at the Finland Station, a day late");
    await edit.getByLabel(/^Russian text/).fill("Поезд опоздал на сутки.");
    await edit.getByRole("button", { name: "Save the dispatch" }).click();
    await expect(page.getByRole("status")).toHaveText("The dispatch is saved. The public page shows it now.");

    await eventually(page, `/delegations/${slug}`, async () => {
      await expect(page.locator(".dispatch h3")).toHaveText(["Arrival at the Finland Station, a day late"], {
        timeout: 1000,
      });
    });
    await page.goto(`/ru/delegations/${slug}`);
    await expect(page.getByRole("heading", { name: "Прибытие на Финляндский вокзал" })).toBeVisible();

    await page.goto(`/admin/delegations/${slug}`);
    await published.getByText(/^1990-04-12: Arrival/).click();
    await published.getByRole("button", { name: /^Remove this dispatch/ }).click();
    await expect(page.getByRole("status")).toHaveText("The dispatch is removed from the public page.");
    await expect(published.locator(".dispatch-list li")).toHaveCount(0);
    await eventually(page, `/delegations/${slug}`, async () => {
      await expect(page.locator(".dispatch")).toHaveCount(0, { timeout: 1000 });
    });
  });

  test("the old address of the delegation's admin page leads to the first delegation", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto("/admin/delegation");
    await expect(page).toHaveURL(/\/admin\/delegations\/moscow-1989$/);
  });

  test("an organiser deletes a delegation after a confirmation page, without JavaScript; the campaigns stay", async ({
    browser,
    page,
  }) => {
    await signInAsAdmin(page);
    const plain = await withoutJavaScript(browser, page);
    await plain.goto(`/admin/delegations/${slug}`);
    await plain.getByRole("link", { name: "Delete this delegation…" }).click();
    await expect(plain.getByRole("heading", { name: `Delete “${title}”?`, level: 1 })).toBeVisible();
    await expect(plain.getByText(/3 members and 0 dispatches/)).toBeVisible();
    await plain.getByRole("button", { name: "Delete the delegation" }).click();
    await expect(plain).toHaveURL(/\/admin\/delegations\?deleted=1$/);
    await expect(plain.getByRole("status")).toHaveText("The delegation is deleted, with its members and dispatches.");
    await expect(plain.getByRole("link", { name: title })).toHaveCount(0);
    await plain.context().close();

    await expect(async () => {
      expect((await page.request.get(`/delegations/${slug}`)).status()).toBe(404);
    }).toPass({ timeout: 20_000 });
    expect((await page.request.get("/petitions/moscow-trials")).status()).toBe(200);
    await page.goto("/admin/audit");
    await expect(page.locator("tbody tr", { hasText: "delegation.delete" }).first()).toContainText(slug);
  });
});
