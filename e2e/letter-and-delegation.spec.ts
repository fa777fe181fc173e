import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage } from "@/e2e/support/document-page";
import { confirmLink, waitForMail } from "@/e2e/support/mailbox";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

test("a supporter co-signs the letter with an organisation and role, and appears after the authors", async ({
  page,
}) => {
  const email = unique("cosigner");
  const letter = new DocumentPage(page, "/letters/family-letter");
  await letter.open();
  await letter.fill({
    name: "Marguerite Rosmer",
    email,
    country: "France",
    city: "Paris",
    display: "Full name and city",
  });
  await page.getByLabel("Organisation (optional)").fill("Cercle Victor Serge");
  await page.getByLabel("Your role there (optional)").fill("Archivist");
  await letter.submit();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.goto(confirmLink(await waitForMail(email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();

  // The signature records the text version it was shown (organisers may have edited the letter before).
  const stored = withDatabase((db) =>
    db
      .prepare(
        "select s.document_version = d.current_version as current, organisation, role from signatures s join documents d on d.id = s.document_id where email = ?",
      )
      .get(email),
  );
  expect(stored).toEqual({ current: 1, organisation: "Cercle Victor Serge", role: "Archivist" });

  await expect(async () => {
    await page.goto("/letters/family-letter");
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    // The authors come first, then the supporters who co-signed.
    expect(headings.indexOf("Written and signed by")).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("Written and signed by")).toBeLessThan(headings.indexOf("Co-signed by"));
    await expect(page.locator(".authors")).toContainText("Vsevolod Volkow, grandson of Leon Trotsky");
    await expect(page.locator(".signers")).toContainText(
      "Marguerite Rosmer — Archivist, Cercle Victor Serge, Paris, France",
      { timeout: 1000 },
    );
  }).toPass({ timeout: 10_000 });
});

test("an organiser posts a dispatch and records a delivery whose published hash matches the downloaded dossier", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/delegations/moscow-1989");
  const dispatch = page.getByRole("region", { name: "Post a dispatch" });
  await dispatch.getByLabel("Date it speaks of").fill("1989-03-07");
  await dispatch.getByLabel("Title", { exact: true }).fill("A meeting at the Writers' Union");
  await dispatch.getByLabel("Text (Markdown)").fill("Vlady spoke about his father, and the hall **listened**.");
  await dispatch.getByLabel("Russian title (optional)").fill("Вечер в Союзе писателей");
  await dispatch.getByLabel(/^Russian text/).fill("Влади рассказал об отце, и зал **слушал**.");
  await dispatch.getByRole("button", { name: "Publish the dispatch" }).click();
  await expect(page.getByText("The dispatch is published.")).toBeVisible();

  await page.goto("/delegations/moscow-1989");
  const dispatches = page.locator(".dispatch h3");
  await expect(dispatches.first()).toHaveText("A meeting at the Writers' Union"); // newest first
  await expect(dispatches.nth(1)).toHaveText("Looking for Victor Serge's four manuscripts");
  await page.goto("/ru/delegations/moscow-1989");
  await expect(page.getByRole("heading", { name: "Вечер в Союзе писателей" })).toBeVisible();

  // A dossier of the petition, generated with progress, then named in a delivery.
  await page.goto("/admin/dossiers");
  const petitionOption = await page
    .getByLabel("Document")
    .locator("option", { hasText: "Annul the Moscow Trials" })
    .getAttribute("value");
  await page.getByLabel("Document").selectOption(petitionOption!);
  // Other specs may have made dossiers before: the new one (listed first) is ready when one more link shows.
  const downloads = page.getByRole("link", { name: "Download PDF" });
  const before = await downloads.count();
  await page.getByRole("button", { name: "Generate a dossier" }).click();
  await expect(downloads).toHaveCount(before + 1, { timeout: 60_000 });
  const href = (await downloads.first().getAttribute("href"))!;
  const dossierId = href.split("/").at(-1);
  // Asking for the headers alone is not a download: the audit log records only the one below.
  const head = await page.request.head(href);
  expect(head.headers()["content-type"]).toBe("application/pdf");
  const response = await page.request.get(href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  expect(head.headers()["x-content-sha256"]).toBe(sha256);
  const audited = withDatabase((db) =>
    db
      .prepare("select count(*) as n from audit_log where action = 'dossier.download' and target_id = ?")
      .get(dossierId),
  );
  expect(audited).toEqual({ n: 1 });

  await page.goto("/admin/delegations/moscow-1989");
  await page.getByLabel("Date", { exact: true }).fill("1989-03-10");
  await page.getByLabel("Place").fill("Moscow");
  await page.getByLabel("Recipient").fill("The Presidium of the Supreme Soviet");
  const petitionDossier = page.getByLabel(/Dossier of “Annul the Moscow Trials/);
  await petitionDossier.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Record the delivery" }).click();
  await expect(page.getByText("The delivery is recorded")).toBeVisible();

  await expect(async () => {
    await page.goto("/delegations/moscow-1989");
    await expect(page.locator(".delivery")).toContainText("Moscow", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator(".delivery code.hash").first()).toHaveText(sha256);
  const frozen = withDatabase((db) =>
    db.prepare("select count(*) as n from dossiers where frozen_at is not null and sha256 = ?").get(sha256),
  );
  expect(frozen).toEqual({ n: 1 });
});

test("an organiser edits the delegation's story and its members, and the public page follows in both languages", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/delegations/moscow-1989");
  const story = page.getByRole("region", { name: "The delegation's story" });
  await story
    .getByLabel("Summary", { exact: true })
    .fill("Five people, two documents, one search for lost manuscripts.");
  // Half a Russian version is refused with a clear message.
  await story.getByLabel("Russian summary").fill("");
  await story.getByRole("button", { name: "Save the story" }).click();
  await expect(page.locator(".notice.error")).toHaveText(
    "Give the Russian title, summary and text together, or none of them.",
  );
  await story
    .getByLabel("Summary", { exact: true })
    .fill("Five people, two documents, one search for lost manuscripts.");
  await story.getByLabel("Russian summary").fill("Пять человек, два документа и поиски утраченных рукописей.");
  await story.getByRole("button", { name: "Save the story" }).click();
  await expect(page.getByText("Saved. The public page shows it now.")).toBeVisible();

  const members = page.getByRole("region", { name: "Members" });
  // Each listed member has an edit form with the same fields, folded away: fill the adding form's.
  const adding = members.locator("form", { has: page.getByRole("button", { name: "Add the member" }) });
  await adding.getByLabel("Name").fill("Ada Delegate");
  await adding.getByLabel("Role", { exact: true }).fill("Interpreter");
  await adding.getByLabel("Short biography (Markdown)").fill("Translated at every meeting.");
  await adding.getByLabel("Russian role (optional)").fill("Переводчица");
  await adding.getByLabel("Russian biography").fill("Переводила на всех встречах.");
  await adding.getByRole("button", { name: "Add the member" }).click();
  await expect(members.locator("li strong", { hasText: "Ada Delegate" })).toBeVisible();

  await page.goto("/delegations/moscow-1989");
  await expect(page.locator(".lede")).toHaveText("Five people, two documents, one search for lost manuscripts.");
  await expect(page.locator(".members")).toContainText("Interpreter");
  await page.goto("/ru/delegations/moscow-1989");
  await expect(page.locator(".lede")).toHaveText("Пять человек, два документа и поиски утраченных рукописей.");
  await expect(page.locator(".members")).toContainText("Переводчица");

  await page.goto("/admin/delegations/moscow-1989");
  await members.getByRole("button", { name: "Remove Ada Delegate" }).click();
  await expect(members.locator("li strong", { hasText: "Ada Delegate" })).toHaveCount(0);
  await page.goto("/delegations/moscow-1989");
  await expect(page.locator(".members")).not.toContainText("Ada Delegate");
});
