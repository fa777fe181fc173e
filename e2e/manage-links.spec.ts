import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { withDatabase } from "@/e2e/support/database";
import { createPetition } from "@/e2e/support/documents";
import { confirmLink, mailTo, waitForMail, type Mail } from "@/e2e/support/mailbox";
import { logFromHere } from "@/e2e/support/server-process";

// A signer's private link can be replaced: asking for a new one emails it and voids every earlier one. A
// signer who lost it gets the current one from the resend form, which answers every address alike.

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

function manageLinkIn(mail: Mail): string {
  const link = mail.text.match(/https?:\/\/\S+\/signature\/\d+\.[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no private link in "${mail.subject}"`);
  return new URL(link).pathname;
}

const queuedTo = (email: string) =>
  withDatabase((db) => db.prepare("select count(*) from outbox where recipient = ?").pluck().get(email) as number);

async function signAndConfirm(page: Page, request: APIRequestContext, slug: string, email: string) {
  const signed = await request.post(`/api/petitions/${slug}/signatures`, {
    data: { name: "Lena Link", email, country: "DE", display: "full" },
  });
  expect(signed.status()).toBe(202);
  const mail = await waitForMail(email);
  await page.goto(confirmLink(mail));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  return manageLinkIn(mail);
}

async function expectUnknownLink(page: Page, path: string, title: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We don’t recognise this link");
  const text = await page.locator("main").innerText();
  expect(text).not.toContain(title);
  expect(text).not.toContain("Lena");
  return text;
}

test("asking for a new private link voids the old one everywhere, and the emailed one works", async ({
  page,
  request,
}) => {
  test.slow(); // signing, two emails through the outbox, and several pages on a busy machine
  const petition = createPetition("manage-renew");
  const email = unique("renew");
  const log = logFromHere();
  const fromEmail = await signAndConfirm(page, request, petition.slug, email);

  // The thank-you page's link and the confirmation email's are the same private link.
  await page.getByRole("link", { name: "Manage my signature" }).click();
  await expect(page.getByRole("heading", { name: "Manage your signature" })).toBeVisible();
  const old = new URL(page.url()).pathname;
  expect(old).toBe(fromEmail);
  await expect(page.getByText(`Your signature on “${petition.title}”`)).toBeVisible();

  // The same page, left open in another tab while the signer asks for a new link.
  const stale = await page.context().newPage();
  await stale.goto(old);
  await expect(stale.getByRole("heading", { name: "Manage your signature" })).toBeVisible();

  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByRole("heading", { name: "We’ve emailed you a new link" })).toBeVisible();
  await expect(page.getByText("The link you used no longer works")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/signature/renewed");
  await expect(page.locator("main")).not.toContainText(petition.title);

  const mail = await waitForMail(email, 2);
  expect(mail.subject).toBe(`Your new private link: ${petition.title}`);
  const renewed = manageLinkIn(mail);
  expect(renewed).not.toBe(old);
  expect(renewed.split(".")[0]).toBe(old.split(".")[0]); // the same signature, a new MAC

  // The old link reads exactly like a forged one: no title, no name, nothing to press.
  const forged = `${old.split(".")[0]}.${"A".repeat(43)}`;
  expect(await expectUnknownLink(page, old, petition.title)).toBe(
    await expectUnknownLink(page, forged, petition.title),
  );
  await expect(page.locator("main").getByRole("button")).toHaveCount(0);

  // A form still open on the old link changes nothing and sends nothing.
  const queued = queuedTo(email);
  await stale.getByRole("button", { name: "Send me a new link" }).click();
  await expect(stale.getByRole("heading", { level: 1 })).toHaveText("We don’t recognise this link");
  await stale.goto(old);
  await expect(stale.getByRole("heading", { level: 1 })).toHaveText("We don’t recognise this link");
  expect(queuedTo(email)).toBe(queued);
  await stale.close();

  // The new link from the mailbox works, for every choice.
  await page.goto(renewed);
  await expect(page.getByRole("heading", { name: "Manage your signature" })).toBeVisible();
  await expect(page.getByText(`Your signature on “${petition.title}”`)).toBeVisible();
  await page.getByLabel("Initials and city").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  expect(withDatabase((db) => db.prepare("select display from signatures where email = ?").pluck().get(email))).toBe(
    "initials",
  );

  const written = log();
  for (const link of [old, renewed]) expect(written).not.toContain(link.split(".")[1]);
});

test("a signer who lost the link gets the current one from the resend form, which answers every address alike", async ({
  page,
  request,
}) => {
  test.slow();
  const petition = createPetition("manage-lost");
  const email = unique("lost");
  const first = await signAndConfirm(page, request, petition.slug, email);
  await page.goto(first);
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByRole("heading", { name: "We’ve emailed you a new link" })).toBeVisible();
  const current = manageLinkIn(await waitForMail(email, 2));

  // The signer lost that email too: the old link's page says where to get the current one.
  await page.goto(first);
  await page.getByRole("link", { name: "Ask for a new email" }).click();
  await expect(page.getByRole("heading", { name: "Get a new confirmation link" })).toBeVisible();
  const answers: string[] = [];
  for (const address of [email, unique("never-signed")]) {
    await page.goto(`/resend-confirmation?document=${petition.slug}`);
    await page.getByLabel("Your email address").fill(address);
    await page.getByRole("button", { name: "Send me a new link" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText("Check your inbox");
    answers.push(await status.innerText());
  }
  expect(answers[1]).toBe(answers[0]);

  const mail = await waitForMail(email, 3);
  expect(mail.subject).toBe(`You have already signed: ${petition.title}`);
  expect(manageLinkIn(mail)).toBe(current);
  await page.goto(current);
  await expect(page.getByRole("heading", { name: "Manage your signature" })).toBeVisible();
  await expect(page.getByText(`Your signature on “${petition.title}”`)).toBeVisible();
  expect(mailTo(email)).toHaveLength(3);
});
