import { expect, type Locator, type Page } from "@playwright/test";

// Sending organisers' forms the way a tampering browser would, and checking that each is refused kindly.

type Value = string | null; // null: the field is left out of the form
export type Case = { fields: Record<string, Value>; message: string | RegExp };

/** What a tampering client can do to a form: any value in any field, fields added or removed, no browser checks. */
export async function tamper(form: Locator, fields: Record<string, Value>) {
  await form.evaluate((element, fields) => {
    const form = element as HTMLFormElement;
    form.noValidate = true;
    form.dataset.tampered = "yes"; // each answer renders the form anew, without this mark
    for (const [name, value] of Object.entries(fields)) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
      if (value === null) field?.remove();
      else if (!field) form.append(Object.assign(document.createElement("input"), { type: "hidden", name, value }));
      else if (field instanceof HTMLInputElement && field.type !== "hidden") {
        field.type = "text"; // a date or number box would drop what is not a date or a number
        field.value = value;
      } else if (field instanceof HTMLSelectElement) field.add(new Option(value, value, true, true));
      else field.value = value;
    }
  }, fields);
}

/** Collects every 5xx the page receives, server action answers included. */
export function watchServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

/** The form holding this button; it is found again after each answer (the page renders it anew). */
export const formWith = (scope: Page | Locator, button: string | RegExp) =>
  scope.locator("form").filter({ has: ("goto" in scope ? scope : scope.page()).getByRole("button", { name: button }) });

/** A message in the form: at its top, or beside a field. */
const messageIn = (form: Locator, message: string | RegExp) =>
  form.locator('[role="alert"], .error').filter({ hasText: message }).first();

/**
 * Sends the form with each case's tampering and checks the answer: the message in the form, the typed
 * values kept, no server error, no error page, still on the same address.
 */
export async function expectRefused(
  page: Page,
  form: Locator,
  button: string | RegExp,
  cases: Case[],
  typed: Record<string, string> = {},
) {
  const serverErrors = watchServerErrors(page);
  const address = page.url();
  for (const { fields, message } of cases) {
    const label = JSON.stringify(fields).slice(0, 120);
    for (const [name, value] of Object.entries(typed)) await form.locator(`[name="${name}"]`).fill(value);
    await tamper(form, fields);
    await form.getByRole("button", { name: button }).click();
    await expect(page.locator("form[data-tampered]"), `${label}: answered`).toHaveCount(0);
    await expect(messageIn(form, message), label).toBeVisible();
    for (const [name, value] of Object.entries(typed)) {
      if (!(name in fields))
        await expect(form.locator(`[name="${name}"]`), `${label}: ${name} kept`).toHaveValue(value);
    }
    expect(page.url(), label).toBe(address);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
    expect(serverErrors, label).toEqual([]);
  }
}
