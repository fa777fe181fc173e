import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATA } from "@/playwright.config";
import { DocumentPage } from "@/e2e/support/document-page";
import { confirmLink, mailTo, waitForMail } from "@/e2e/support/mailbox";

test("the server's log never contains a confirmation token", async ({ page }) => {
  const email = `log-${Date.now()}@example.org`;
  await new DocumentPage(page, "/letters/family-letter").sign({ name: "Log Reader", email, country: "Italy" });
  const link = confirmLink(await waitForMail(email));
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  await page.goto(link); // a second use, and a broken one, are logged no differently
  await page.goto(`${link.slice(0, -3)}%ff`);

  const log = readFileSync(path.join(E2E_DATA, "server.log"), "utf8");
  expect(log).toContain("Ready"); // the log is really being captured
  const tokens = mailTo(email).map((mail) => confirmLink(mail).split("/").pop()!);
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) expect(log).not.toContain(token);
});

test("error answers to a confirmation link never show its token, nor log it", async ({ page, request }) => {
  const email = `error-${Date.now()}@example.org`;
  const signed = await request.post("/api/letters/family-letter/signatures", {
    data: { name: "Error Reader", email, country: "FR", display: "full" },
  });
  expect(signed.status()).toBe(202);
  const token = confirmLink(await waitForMail(email))
    .split("/")
    .pop()!;
  const fragment = token.slice(0, 20); // also catches a token cut short or run into other text

  for (const [path, status] of [
    [`/confirm/${token}/nope`, 404],
    [`/confirm/${token}%ff`, 400],
    [`/confirm/${token.slice(0, -1)}`, 200],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    expect(await page.locator("body").innerText(), path).not.toContain(fragment);
    expect(await page.title(), path).not.toContain(fragment);
  }
  const forged = await request.post(`/confirm/${token}`, {
    multipart: { token },
    headers: { origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).not.toContain(fragment);
  // The confirm button's own route, which the proxy does not see, refuses another site's post the same way.
  const forgedButton = await request.post("/api/confirm", {
    multipart: { token, locale: "en" },
    headers: { origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(forgedButton.status()).toBe(403);
  expect(await forgedButton.text()).not.toContain(fragment);

  expect(readFileSync(path.join(E2E_DATA, "server.log"), "utf8")).not.toContain(fragment);
});
