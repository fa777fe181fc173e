import { expect, type Page } from "@playwright/test";
import { withDatabase } from "./database";
import { waitForMail, mailTo } from "./mailbox";

export const ADMIN_EMAIL = "admin@localhost";

/** Signs in the way an organiser does: the form, then the link from the mailbox. */
export async function signInAsAdmin(page: Page, email = ADMIN_EMAIL) {
  const already = mailTo(email).length;
  await page.goto("/sign-in");
  await page.getByLabel("Organiser email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await waitForMail(email, already + 1);
  // Other organisers' email (a milestone) may arrive meanwhile: the sign-in link is the newest of its kind.
  const mail = mailTo(email)
    .slice(already)
    .findLast((found) => found.subject === "Your sign-in link for the organisers' pages");
  if (!mail) throw new Error("no sign-in email");
  const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  if (!link) throw new Error("no sign-in link in the email");
  await page.goto(link);
  await expect(page.getByRole("navigation", { name: "Organisers" })).toBeVisible();
}

/**
 * Gives an address a role the way an owner's invitation does, straight in the server's database (the
 * invitation itself is tested through the page in roles.spec.ts).
 */
export function grantRole(email: string, role: "owner" | "organiser" | "moderator") {
  withDatabase((db) =>
    db
      .prepare(
        "insert into organisers (email, role, invited_by) values (?, ?, ?) on conflict (email) do update set role = excluded.role",
      )
      .run(email, role, ADMIN_EMAIL),
  );
}
