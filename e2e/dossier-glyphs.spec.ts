import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const title = `A draft letter for the glyph check ${run}`;

/** A draft document of its own (never public, so no other test's counts change) with one confirmed signature. */
function draftWithOneSignature(name: string) {
  withDatabase((db) => {
    const { id } = db
      .prepare("insert into documents (slug, kind, goal, status) values (?, 'letter', 100, 'draft') returning id")
      .get(`glyph-check-${run}`) as { id: number };
    db.prepare(
      "insert into document_texts (document_id, version, locale, title, summary, body, addressee, authors) values (?, 1, 'en', ?, 'A test.', 'We ask.', 'The addressee', '[]')",
    ).run(id, title);
    db.prepare(
      "insert into signatures (document_id, name, email, email_key, country, display, state, confirmed_at) values (?, ?, ?, ?, 'NO', 'full', 'confirmed', ?)",
    ).run(id, name, `glyphs-${run}@example.org`, `glyphs-${run}@example.org`, Date.now());
  });
}

test("before downloading, the organiser sees how many characters the dossier cannot print, and in whose names", async ({
  page,
}) => {
  test.setTimeout(120_000);
  draftWithOneSignature("Ingrid 🌻 Solberg");
  await signInAsAdmin(page);
  await page.goto("/admin/dossiers");
  await page.getByLabel("Document").selectOption({ label: `${title} (0 confirmed)` });
  await page.getByRole("button", { name: "Generate a dossier" }).click();

  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByRole("link", { name: "Download PDF" })).toBeVisible({ timeout: 60_000 });
  const warning = row.getByRole("note");
  await expect(warning).toContainText("1 character has no glyph in the embedded fonts");
  await expect(warning).toContainText("The signature affected:");
  await expect(warning.getByRole("listitem")).toHaveText(["1: Ingrid 🌻 Solberg"]);
  // The warning comes before the download link, and the count reads in the singular.
  const [warningTop, linkTop] = await Promise.all([
    warning.evaluate((element) => element.getBoundingClientRect().top),
    row.getByRole("link", { name: "Download PDF" }).evaluate((element) => element.getBoundingClientRect().top),
  ]);
  expect(warningTop).toBeLessThan(linkTop);
  await expect(row).toContainText("(1 signature, ");
  await expect(row).not.toContainText("1 signatures");
});
