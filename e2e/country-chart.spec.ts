import { expect, test } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Confirmed signatures written straight to the database (the signing itself is tested elsewhere). */
function confirmedSignatures(countries: Record<string, number>) {
  const emails: string[] = [];
  withDatabase((db) => {
    const letter = db.prepare("select id from documents where slug = 'family-letter'").get() as { id: number };
    const insert = db.prepare(
      "insert into signatures (document_id, name, email, email_key, country, display, state, confirmed_at) values (?, ?, ?, ?, ?, 'hidden', 'confirmed', ?)",
    );
    for (const [country, howMany] of Object.entries(countries)) {
      for (let index = 0; index < howMany; index++) {
        const email = `chart-${country}-${index}-${run}@example.org`.toLowerCase();
        insert.run(letter.id, `Chart ${country} ${index}`, email, email, country, Date.now());
        emails.push(email);
      }
    }
  });
  return () =>
    withDatabase((db) => {
      const remove = db.prepare("delete from signatures where email = ?");
      for (const email of emails) remove.run(email);
    });
}

test("the letter's page shows signatures by country as a chart with a table, never naming a country of one or two", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const cleanUp = confirmedSignatures({ MN: 3, IS: 2 });
  try {
    await expect(async () => {
      await page.goto("/letters/family-letter");
      const table = page.getByRole("table", { name: "Confirmed signatures by country" });
      await expect(table.getByRole("row", { name: "Mongolia 3" })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });

    const section = page.getByRole("region", { name: "Where the signatures come from" });
    const chart = section.getByRole("img", { name: "Confirmed signatures by country" });
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((svg) => svg.tagName.toLowerCase())).toBe("svg");
    await expect(chart.locator("text", { hasText: "Mongolia" })).toHaveCount(1);
    // Iceland's two signatures are counted, under "Other countries", and Iceland is not named.
    const table = section.getByRole("table", { name: "Confirmed signatures by country" });
    await expect(table.getByRole("rowheader", { name: "Other countries" })).toHaveCount(1);
    await expect(section.getByText("Iceland")).toHaveCount(0);
    await expect(section).toContainText("fewer than 3 signatures");
    // Drawn on the server: the page loads no script of a third party.
    const scripts = await page
      .locator("script[src]")
      .evaluateAll((elements) => elements.map((element) => new URL((element as HTMLScriptElement).src).origin));
    expect(scripts.every((origin) => origin === new URL(page.url()).origin)).toBe(true);

    await page.goto("/ru/letters/family-letter");
    const russian = page.getByRole("region", { name: "Откуда подписи" });
    await expect(russian.getByRole("table", { name: "Подтверждённые подписи по странам" })).toContainText("Монголия");
    await expect(russian.getByRole("rowheader", { name: "Другие страны" })).toHaveCount(1);
  } finally {
    cleanUp();
  }
});
