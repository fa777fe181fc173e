import { expect, test, type Page } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";
import { DocumentPage, expectPublicCount, keptCount } from "@/e2e/support/document-page";
import { confirmLink, mailTo, waitForMail } from "@/e2e/support/mailbox";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function signAndConfirm(page: Page, email: string) {
  const before = await keptCount();
  await new DocumentPage(page, "/petitions/moscow-trials").sign({
    name: "Вера Иванова",
    email,
    country: "Russia",
    city: "Москва",
    comment: "For the families.",
    display: "Initials and city",
  });
  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Confirm your signature: Annul the Moscow Trials verdicts and rehabilitate the defendants");
  expect(mail.html).toContain("Confirm your signature");
  expect(mail.text).toContain("Hello,");
  expect(mail.text, "no signer-typed text in the email").not.toContain("Вера Иванова");

  await page.goto(confirmLink(mail));
  await expect(page.getByRole("heading", { name: "Confirm your signature" })).toBeVisible();
  await expect(page.getByText("Annul the Moscow Trials verdicts and rehabilitate the defendants")).toBeVisible();
  await expect(page.getByText("В. И., Москва")).toBeVisible();
  expect(await keptCount()).toBe(before); // opening the link confirms nothing

  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await expect(page).toHaveURL(/\/petitions\/moscow-trials\/thanks$/); // the private link is not in the address
  for (const name of ["Email", "X (Twitter)", "Facebook", "Telegram", "VK"]) {
    await expect(page.getByRole("link", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) })).toBeVisible();
  }
  await expect(page.getByLabel("Link to share")).toHaveValue(/\/petitions\/moscow-trials$/);
  expect(await keptCount()).toBe(before + 1);
  await expect(page.getByText(`${(before + 1).toLocaleString("en")} confirmed`)).toBeVisible();
  return mail;
}

test("the home page shows the campaign: both documents with live counts and the delegation", async ({ page }) => {
  await page.goto("/");
  await expect(
    page
      .getByRole("heading", { name: "Annul the Moscow Trials verdicts and rehabilitate the defendants" })
      .getByRole("link"),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /Clear Leon Trotsky's name/ }).getByRole("link")).toBeVisible();
  await expect(page.getByText(/confirmed signatures? of a goal of 10,000/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "The delegation" })).toBeVisible();
  await expect(page.getByText(/Vlady Kibalchich/).first()).toBeVisible();
});

test("a visitor signs, confirms from the email and is counted, with a public signer listed", async ({ page }) => {
  await signAndConfirm(page, unique("vera"));
  const counted = await keptCount();
  // The public page and the count endpoint are cached: a confirmation shows within 10 seconds.
  await expectPublicCount(page, counted);
  await expect(async () => {
    await page.goto("/petitions/moscow-trials");
    await expect(page.locator(".signers").getByText("В. И., Москва, Russia").first()).toBeVisible({ timeout: 1000 });
    await expect(page.locator(".count strong")).toHaveText(counted.toLocaleString("en"), { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole flow works the same", async ({ page }) => {
    await signAndConfirm(page, unique("nojs"));
  });

  test("field errors show next to the fields and keep the input", async ({ page }) => {
    const document = new DocumentPage(page, "/petitions/moscow-trials");
    await document.open();
    await document.fill({ name: "Zoë Ødegård", email: "not-an-email", city: "Tromsø", comment: "Keep me" });
    await document.submit();
    await expect(page.getByText("Please enter a valid email address, like name@example.org.").last()).toBeVisible();
    await expect(page.getByLabel("Email address", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Your name", { exact: true })).toHaveValue("Zoë Ødegård");
    await expect(page.getByLabel("City (optional)")).toHaveValue("Tromsø");
    await expect(page.getByLabel(/^Comment/)).toHaveValue("Keep me");
  });
});

test("field errors with JavaScript: each message beside its field, the input kept, nothing stored", async ({
  page,
}) => {
  const email = unique("errors");
  const document = new DocumentPage(page, "/petitions/moscow-trials");
  await document.open();
  await document.fill({ name: "   ", email, city: "x".repeat(120) });
  await document.submit();
  await expect(page.locator("#name-error")).toHaveText(/Please enter your name\./);
  await expect(page.locator("#country-error")).toHaveText(/Please choose your country from the list\./);
  await expect(page.locator(".error-summary")).toContainText("There are problems with your signature");
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("City (optional)")).toHaveValue("x".repeat(120));
  const stored = withDatabase(
    (db) => db.prepare("select count(*) as n from signatures where email = ?").get(email) as { n: number },
  );
  expect(stored.n).toBe(0);
});

test("signing twice gives the same answer, one signature, and an 'already signed' email", async ({ page }) => {
  const local = `dup.${Date.now()}`;
  const email = `${local}@gmail.com`;
  await signAndConfirm(page, email);
  const afterFirst = await keptCount();

  // The same person, written differently: Gmail ignores dots and +tags.
  const variant = `${local.replaceAll(".", "")}+again@googlemail.com`;
  await new DocumentPage(page, "/petitions/moscow-trials").sign({
    name: "Вера Иванова",
    email: variant,
    country: "France",
    display: "Full name and city",
  });
  const second = await waitForMail(email, 2);
  expect(second.subject).toBe(
    "You have already signed: Annul the Moscow Trials verdicts and rehabilitate the defendants",
  );
  expect(second.text).not.toMatch(/\/confirm\//);
  expect(mailTo(variant)).toHaveLength(0);
  expect(await keptCount()).toBe(afterFirst);
  const rows = withDatabase(
    (db) =>
      db
        .prepare("select count(*) as n from signatures where email_key = ?")
        .get(`${local.replaceAll(".", "")}@gmail.com`) as { n: number },
  );
  expect(rows.n).toBe(1);
});

test("a confirm link used twice says 'already confirmed' and counts once", async ({ page }) => {
  const mail = await signAndConfirm(page, unique("twice"));
  const count = await keptCount();
  await page.goto(confirmLink(mail));
  await expect(page.getByRole("heading", { name: "Your signature is already confirmed" })).toBeVisible();
  expect(await keptCount()).toBe(count);
});

test("pressing the button twice (from two tabs) counts once", async ({ page, context }) => {
  const email = unique("tabs");
  await new DocumentPage(page, "/petitions/moscow-trials").sign({ name: "Two Tabs", email, country: "Mexico" });
  const link = confirmLink(await waitForMail(email));
  const before = await keptCount();
  const other = await context.newPage();
  await page.goto(link);
  await other.goto(link);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await other.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(other.getByRole("heading", { name: "Your signature is already confirmed" })).toBeVisible();
  expect(await keptCount()).toBe(before + 1);
});

test("an expired link explains itself and a new link can be requested", async ({ page }) => {
  const email = unique("expired");
  await new DocumentPage(page, "/petitions/moscow-trials").sign({ name: "Late Reader", email, country: "Germany" });
  const first = await waitForMail(email);
  withDatabase((db) =>
    db
      .prepare(
        "update confirmation_tokens set expires_at = ? where signature_id = (select id from signatures where email = ?)",
      )
      .run(Date.now() - 1000, email),
  );
  const before = await keptCount();
  await page.goto(confirmLink(first));
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);

  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const second = await waitForMail(email, 2);
  expect(confirmLink(second)).not.toBe(confirmLink(first));
  await page.goto(confirmLink(second));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  expect(await keptCount()).toBe(before + 1);
});

test("an unknown or garbage token gets a clear page, and asking for a link reveals nothing", async ({ page }) => {
  for (const token of ["A".repeat(43), "garbage", "x".repeat(500)]) {
    const response = await page.goto(`/confirm/${token}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "We don’t recognise this link" })).toBeVisible();
  }
  for (const broken of ["/confirm/%ff%00", "/confirm/%00", "/ru/confirm/%0a"]) {
    const response = await page.request.get(broken);
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("not valid");
  }
  const nobody = unique("nobody");
  await page.getByLabel("Your email address").fill(nobody);
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(
    page.getByText("If a signature is waiting for that address, we have sent it a new email."),
  ).toBeVisible();
  await page.waitForTimeout(500);
  expect(mailTo(nobody)).toHaveLength(0);
});

test("a closed document refuses signatures on its page and in the API", async ({ page }) => {
  withDatabase((db) => db.prepare("update documents set status = 'closed' where slug = 'family-letter'").run());
  try {
    await expect(async () => {
      await page.goto("/letters/family-letter"); // cached for up to 5 seconds
      await expect(page.getByText("This letter is closed: it no longer takes signatures.")).toBeVisible({
        timeout: 1000,
      });
    }).toPass({ timeout: 10_000 });
    await expect(page.getByRole("button", { name: /Co-sign/ })).toHaveCount(0);
    const response = await page.request.post("/api/letters/family-letter/signatures", {
      data: { name: "Too Late", email: unique("late"), country: "GB", display: "full" },
    });
    expect(response.status()).toBe(409);
    expect((await response.json()).error).toBe("This letter is not open for signatures.");
  } finally {
    withDatabase((db) => db.prepare("update documents set status = 'open' where slug = 'family-letter'").run());
  }
});
