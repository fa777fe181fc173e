import { expect, test, type Page } from "@playwright/test";
import { emailKey } from "@/lib/format/email-key";
import { signInAsAdmin } from "@/e2e/support/admin";
import { withDatabase } from "@/e2e/support/database";
import { confirmLink, mailTo, waitForMail, type Mail } from "@/e2e/support/mailbox";

type State = "pending" | "confirmed" | "rejected" | "withdrawn" | "held" | "flagged";

const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
const address = (label: string) => `${label}-${run}@example.org`;

/** A signature written straight into the server's database: the states a test cannot reach quickly by hand. */
function addSignature(slug: string, email: string, state: State, updates: boolean, locale: "en" | "ru" = "en") {
  withDatabase((db) =>
    db
      .prepare(
        `insert into signatures (document_id, name, email, email_key, country, display, updates, state, locale, confirmed_at)
         values ((select id from documents where slug = ?), ?, ?, ?, 'FR', 'full', ?, ?, ?, ?)`,
      )
      .run(
        slug,
        email.split("@")[0],
        email,
        emailKey(email),
        updates ? 1 : 0,
        state,
        locale,
        state === "confirmed" ? Date.now() : null,
      ),
  );
}

const updatesWanted = (email: string) =>
  withDatabase(
    (db) =>
      db.prepare("select updates from signatures where email = ? order by id").all(email) as { updates: number }[],
  ).map((row) => row.updates);

/**
 * People (addresses) who would receive an update for the seeded delegation right now, whoever else this run's
 * specs added: confirmed signers who asked for news, of the documents it carries (other specs make campaigns).
 */
const delegationAudience = () =>
  withDatabase(
    (db) =>
      (
        db
          .prepare(
            `select count(distinct s.email_key) as n from signatures s
             join delegation_documents dd on dd.document_id = s.document_id
             join delegations d on d.id = dd.delegation_id
             where d.slug = 'moscow-1989' and s.state = 'confirmed' and s.updates = 1`,
          )
          .get() as { n: number }
      ).n,
  );

const updateMails = (email: string, subject: string) => mailTo(email).filter((mail) => mail.subject === subject);

const people = {
  both: address("both"), // signs the petition through the form, and the letter too
  russian: address("russian"),
  stays: address("stays"),
  optedOut: address("opted-out"),
  excluded: (["pending", "rejected", "withdrawn", "held", "flagged"] as const).map((state) => ({
    state,
    email: address(state),
  })),
};

const first = { subject: `The delegation is home ${run}`, ru: `Делегация вернулась ${run}` };
const second = { subject: `A second word ${run}` };

async function writeAndSend(page: Page, subject: string, body: string, russian?: { subject: string; body: string }) {
  await page.goto("/admin/updates");
  await page.getByRole("link", { name: "Write an update" }).click();
  await page
    .getByLabel("For the signers of")
    .selectOption({ label: "Delegation: The Moscow delegation, 1989 (signers of every document it carries)" });
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  await page.getByLabel("Text (Markdown; HTML is not rendered)").fill(body);
  if (russian) {
    await page.getByLabel("Russian subject").fill(russian.subject);
    await page.getByLabel("Russian text (Markdown)").fill(russian.body);
  }
}

test.describe.serial("updates to signers", () => {
  let firstMail: Mail;

  test("an organiser without JavaScript previews an update and sends it to the opted-in confirmed signers, once each", async ({
    page,
    browser,
  }) => {
    const signed = await page.request.post("/api/petitions/moscow-trials/signatures", {
      data: { name: "Both Documents", email: people.both, country: "FR", display: "full", updates: true },
    });
    expect(signed.status()).toBe(202);
    await page.goto(confirmLink(await waitForMail(people.both)));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
    addSignature("family-letter", people.both, "confirmed", true);
    addSignature("family-letter", people.russian, "confirmed", true, "ru");
    addSignature("moscow-trials", people.stays, "confirmed", true);
    addSignature("moscow-trials", people.optedOut, "confirmed", false);
    for (const { state, email } of people.excluded) addSignature("moscow-trials", email, state, true);
    const audience = delegationAudience();

    const organiser = await browser.newContext({ javaScriptEnabled: false });
    const admin = await organiser.newPage();
    await signInAsAdmin(admin);
    await admin.getByRole("navigation", { name: "Organisers" }).getByRole("link", { name: "Updates" }).click();
    await writeAndSend(
      admin,
      first.subject,
      "The letter and the petition were **handed over**.<script>alert(1)</script>",
      {
        subject: first.ru,
        body: "Письмо и петиция **вручены**.",
      },
    );
    await admin.getByRole("button", { name: "Preview" }).click();

    const preview = admin.getByRole("region", { name: "Preview (not saved yet)" });
    await expect(preview.getByText(`${audience.toLocaleString("en")} people would receive it now`)).toBeVisible();
    await expect(preview.locator(".document-text strong", { hasText: "handed over" })).toBeVisible();
    await expect(preview).not.toContainText("alert(1)</script>");
    const english = admin.frameLocator('iframe[title="The email in English"]');
    await expect(english.getByRole("heading", { name: first.subject })).toBeVisible();
    await expect(english.getByText(/You receive this because you asked for updates/)).toBeVisible();
    const russian = admin.frameLocator('iframe[title="The email in Russian"]');
    await expect(russian.getByRole("heading", { name: first.ru })).toBeVisible();
    await expect(russian.getByText(/попросили присылать новости/)).toBeVisible();
    expect(mailTo(people.stays)).toHaveLength(0); // a preview sends nothing

    await admin.getByRole("button", { name: "Save draft" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: first.subject })).toBeVisible();
    await admin.getByRole("button", { name: `Send to ${audience.toLocaleString("en")} people` }).click();
    // The page refreshes itself (a <noscript> meta refresh here) until every message is out.
    await expect(admin.getByText(/^Sent: \d+ delivered/)).toBeVisible({ timeout: 20_000 });
    await expect(admin.getByText(`Sent ${audience} of ${audience}`)).toBeVisible();

    firstMail = (await waitForMail(people.stays, 1)) as Mail;
    expect(firstMail.subject).toBe(first.subject);
    expect(updateMails(people.both, first.subject)).toHaveLength(1); // two documents, one email
    expect(updateMails(people.russian, first.ru)).toHaveLength(1);
    for (const email of [people.optedOut, ...people.excluded.map((person) => person.email)])
      expect(mailTo(email)).toHaveLength(0);
    expect(firstMail.headers?.["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:\d+\/api\/unsubscribe\/\d+\.[A-Za-z0-9_-]{43}>$/,
    );
    expect(firstMail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(firstMail.html).not.toContain("<script");

    await admin.goto("/admin/audit?action=update.send");
    await expect(admin.locator("tbody tr").first()).toContainText(`"queued":${audience}`);
    await organiser.close();
  });

  test("one-click unsubscribe from the header works without signing in, and so does the page linked in the email", async ({
    page,
    playwright,
  }) => {
    const both = updateMails(people.both, first.subject)[0];
    const oneClick = both.headers!["List-Unsubscribe"].slice(1, -1);
    // Like a mail provider: no cookies, no page of ours, a form-encoded body, from another site.
    const provider = await playwright.request.newContext();
    const response = await provider.post(oneClick, {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://mail.example.net",
        "sec-fetch-site": "cross-site",
      },
      data: "List-Unsubscribe=One-Click",
    });
    expect(response.status()).toBe(200);
    await provider.dispose();
    expect(updatesWanted(people.both)).toEqual([0, 0]); // every signature of that person

    const russianMail = updateMails(people.russian, first.ru)[0];
    const pageLink = russianMail.text.match(/https?:\/\/\S+\/ru\/unsubscribe\/\d+\.[A-Za-z0-9_-]{43}/)?.[0];
    expect(pageLink).toBeTruthy();
    await page.goto(pageLink!);
    expect(updatesWanted(people.russian)).toEqual([1]); // opening the link changes nothing
    await page.getByRole("button", { name: "Отказаться от новостей" }).click();
    await expect(page.getByRole("heading", { name: "Новостей больше не будет" })).toBeVisible();
    expect(updatesWanted(people.russian)).toEqual([0]);

    await signInAsAdmin(page);
    await writeAndSend(page, second.subject, "Only for those who still want news.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByRole("button", { name: /^Send to \d+ (people|person)$/ }).click();
    await expect(page.getByText(/^Sent: \d+ delivered/)).toBeVisible({ timeout: 20_000 });
    expect(updateMails(people.stays, second.subject)).toHaveLength(1);
    expect(updateMails(people.both, second.subject)).toHaveLength(0);
    expect(mailTo(people.russian)).toHaveLength(1);
  });

  test("the progress page refreshes itself until sending is done, with and without JavaScript", async ({ browser }) => {
    for (const javaScriptEnabled of [false, true]) {
      // An update caught mid-way: one message waiting (not due for an hour, so the worker leaves it alone).
      const updateId = withDatabase((db) => {
        const id = db
          .prepare(
            "insert into updates (delegation_id, texts, status, recipients, created_by) values ((select id from delegations limit 1), ?, 'sending', 1, 'test') returning id",
          )
          .get(JSON.stringify({ en: { subject: `Mid-way ${run} ${javaScriptEnabled}`, body: "Waiting." } })) as {
          id: number;
        };
        db.prepare(
          "insert into outbox (template, recipient, payload, update_id, next_attempt_at) values ('campaign-update', 'nobody@example.invalid', '{}', ?, ?)",
        ).run(id.id, Date.now() + 3_600_000);
        return id.id;
      });
      const context = await browser.newContext({ javaScriptEnabled });
      const admin = await context.newPage();
      await signInAsAdmin(admin);
      await admin.goto(`/admin/updates/${updateId}`);
      await expect(admin.getByText("Sending… this page refreshes itself.")).toBeVisible();
      await expect(admin.getByText("Sent 0 of 1")).toBeVisible();
      withDatabase((db) =>
        db.prepare("update outbox set status = 'sent', sent_at = ? where update_id = ?").run(Date.now(), updateId),
      );
      await expect(admin.getByText("Sent: 1 delivered to the provider.")).toBeVisible({ timeout: 10_000 });
      await expect(admin.getByText("Sent 1 of 1")).toBeVisible();
      await admin.getByRole("link", { name: "All updates" }).click();
      await expect(admin.getByRole("row", { name: new RegExp(`Mid-way ${run} ${javaScriptEnabled}`) })).toContainText(
        "sent",
      );
      await context.close();
    }
  });
});

test("an organiser deletes a draft update, which leaves the list", async ({ page }) => {
  test.setTimeout(120_000);
  const subject = `A draft to throw away ${run}`;
  await signInAsAdmin(page);
  await writeAndSend(page, subject, "Not ready: this goes in the bin.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Delete the draft" }).click();
  await expect(page).toHaveURL(/\/admin\/updates\?deleted=1$/);
  await expect(page.getByRole("status")).toHaveText("The draft is deleted.");
  await expect(page.getByRole("link", { name: subject })).toHaveCount(0);
});
