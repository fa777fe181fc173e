import { expect, test } from "@playwright/test";
import { signInAsAdmin, ADMIN_EMAIL } from "@/e2e/support/admin";
import { mailTo } from "@/e2e/support/mailbox";

// Attack: in development /dev/mail needed no sign-in and the dev server listened on every interface, so
// anyone who could reach the port read organisers' live sign-in links; the dev log printed tokens. The
// listening address, the log filter and the loopback check are tested at unit level (tests/dev-mode.test.ts):
// starting `next dev` here would cost minutes on a loaded machine. This spec covers what the production
// build shows of the same pieces.

test("/dev/mail does not exist in production, whoever asks", async ({ request }) => {
  for (const path of ["/dev/mail", "/dev/mail/outbox-1"]) {
    expect((await request.get(path, { headers: { "x-delegation-socket-address": "127.0.0.1" } })).status()).toBe(404);
  }
});

test("the mailbox preview opens the email's links in a new tab, runs no script and shows the whole email", async ({
  page,
  context,
}) => {
  test.slow(); // signing in and opening a second tab, on a busy machine
  await signInAsAdmin(page);
  const own = mailTo(ADMIN_EMAIL).at(-1)!;
  await page.goto(`/admin/mail/${own.id}`);
  const frame = page.locator("iframe[title='The email as HTML']");
  await expect(frame).toHaveAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox allow-same-origin");
  expect(await frame.getAttribute("srcdoc")).toContain('<base target="_blank">');

  // The frame is as tall as the email: its last line (the footer) is inside the frame's box.
  const inner = page.frameLocator("iframe[title='The email as HTML']");
  await expect
    .poll(async () => {
      const box = await frame.boundingBox();
      const height = await frame.evaluate(
        (node: HTMLIFrameElement) => node.contentDocument!.documentElement.scrollHeight,
      );
      return box !== null && box.height >= height;
    })
    .toBe(true);

  const popup = context.waitForEvent("page");
  await inner.getByRole("link").first().click();
  const opened = await popup;
  await opened.waitForLoadState();
  // The sign-in link, already used to sign in above, lands on the sign-in page: what matters is where it opened.
  expect(opened.url()).toMatch(/\/(api\/auth\/callback\/email|sign-in)/);
  expect(page.url()).toContain(`/admin/mail/${own.id}`); // the preview itself stayed where it was
  await opened.close();
});

test("the 'check your inbox' pages say where the local mailbox is", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Organiser email address").fill("nobody@example.org");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/admin/mail" })).toBeVisible();

  await page.goto("/petitions/moscow-trials/sent");
  await expect(page.getByText("emails stay in its local mailbox, which only its organisers can read")).toBeVisible();
  await page.goto("/ru/petitions/moscow-trials/sent");
  await expect(page.getByText("письма остаются в его локальном почтовом ящике")).toBeVisible();
});
