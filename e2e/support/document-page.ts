import { expect, type Page } from "@playwright/test";
import { STAMP_FIELD } from "@/lib/security/bot-check-fields";
import { MIN_FILL_MS } from "@/playwright.config";
import { withDatabase } from "./database";

export type Signer = {
  name: string;
  email: string;
  country?: string; // the option's visible name
  city?: string;
  comment?: string;
  display?: "Full name and city" | "Initials and city" | RegExp;
  updates?: boolean;
};

/** The public page of a petition or letter, driven the way a person uses it. */
export class DocumentPage {
  constructor(
    private readonly page: Page,
    readonly path: string,
  ) {}

  async open() {
    await this.page.goto(this.path);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  async fill(signer: Signer) {
    const page = this.page;
    await page.getByLabel("Your name", { exact: true }).fill(signer.name);
    await page.getByLabel("Email address", { exact: true }).fill(signer.email);
    if (signer.country) await page.getByLabel("Country", { exact: true }).selectOption({ label: signer.country });
    if (signer.city) await page.getByLabel("City (optional)").fill(signer.city);
    if (signer.comment) await page.getByLabel(/^Comment/).fill(signer.comment);
    if (signer.display) await page.getByLabel(signer.display).check();
    if (signer.updates) await page.getByLabel(/Email me updates/).check();
  }

  /**
   * A person takes longer than the form's minimum fill time; a test waits that long too, counted from the
   * stamp the form fetched when first used. Without JavaScript the form has no stamp: the first press
   * brings it back with one ("one more step") and the second sends it, as a person would.
   */
  async submit() {
    const page = this.page;
    const button = page.getByRole("button", { name: /^Sign the|^Co-sign|^Подписать/ });
    const scripted = await page.evaluate(() => "__next_f" in self).catch(() => false);
    if (scripted) {
      // The form asks for its stamp on first focus; a field filled before hydration did not count.
      await page.locator("#name").focus();
      await expect(page.locator(`[name="${STAMP_FIELD}"]`)).not.toHaveValue("");
      await page.waitForTimeout(MIN_FILL_MS + 100);
      await button.click();
      return;
    }
    await Promise.all([page.waitForEvent("load"), button.click()]);
    if (await page.locator(".notice[role=status]").isVisible()) {
      await page.waitForTimeout(MIN_FILL_MS + 100);
      await Promise.all([page.waitForEvent("load"), button.click()]);
    }
  }

  async sign(signer: Signer) {
    await this.open();
    await this.fill(signer);
    await this.submit();
    await expect(this.page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  }
}

/** The document's kept confirmed count, read from the server's database (the public API is cached). */
export async function keptCount(slug = "moscow-trials"): Promise<number> {
  return withDatabase(
    (db) => (db.prepare("select signature_count as n from documents where slug = ?").get(slug) as { n: number }).n,
  );
}

/** The count the public sees: the cached JSON endpoint catches up within seconds. */
export async function expectPublicCount(page: Page, expected: number, apiPath = "/api/petitions/moscow-trials") {
  await expect
    .poll(async () => (await (await page.request.get(apiPath)).json()).signatureCount, {
      timeout: 10_000,
      message: `public count at ${apiPath}`,
    })
    .toBe(expected);
}
