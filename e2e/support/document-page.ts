import { expect, type Page } from "@playwright/test";
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
  private openedAt = 0;

  constructor(
    private readonly page: Page,
    readonly path: string,
  ) {}

  async open() {
    this.openedAt = Date.now();
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

  /** A person takes longer than the form's minimum fill time; a test waits that long too. */
  async submit() {
    await this.page.waitForTimeout(Math.max(0, MIN_FILL_MS + 100 - (Date.now() - this.openedAt)));
    await this.page.getByRole("button", { name: /^Sign the|^Co-sign|^Подписать/ }).click();
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
