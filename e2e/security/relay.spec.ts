import { expect, test, type Page } from "@playwright/test";
import { startResendStub } from "@/tests/resend-stub";
import { ownPort, startOwnServer, type OwnServer } from "@/e2e/support/own-server";

// The attack: the signing form and API used as a spam relay. Many signatures from one client, each to a
// different recipient, with a name that reads like the site's own warning; one recipient bombarded through
// several documents. Replayed against the production build on a server of its own with a low budget.

const PER_CLIENT_HOUR = 3;
const LURE = "Account locked: visit evil.example";

type Stub = Awaited<ReturnType<typeof startResendStub>>;
type SentEmail = { to: string; subject: string; text: string; html: string };

let stub: Stub;
let server: OwnServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stub = await startResendStub();
  server = await startOwnServer(ownPort(1), {
    RESEND_API_KEY: "re_relay_test",
    RESEND_BASE_URL: stub.url,
    TRUST_PROXY: "1", // the tests play clients at different addresses through X-Forwarded-For
    SIGNER_EMAILS_PER_CLIENT_HOUR: String(PER_CLIENT_HOUR),
    RATE_LIMIT_BURST: "100000/60",
    RATE_LIMIT_SUSTAINED: "100000/300",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await stub?.close();
});

/** Every email the provider accepted, as sent. */
function sentEmails(): SentEmail[] {
  return stub.requests
    .filter((request) => request.outcome === 200)
    .flatMap((request) => (Array.isArray(request.body) ? request.body : [request.body]) as SentEmail[]);
}
const sentTo = (address: string) => sentEmails().filter((email) => email.to === address);
const sentToAny = (addresses: string[]) => sentEmails().filter((email) => addresses.includes(email.to));

function sign(
  client: string,
  email: string,
  { name = "Ann Lee", collection = "petitions", slug = "moscow-trials" } = {},
) {
  return fetch(`${server.url}/api/${collection}/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify({ name, email, country: "FR", display: "full" }),
  });
}

/** Waits until the outbox has nothing left to send: what has not reached the stub by then never will. */
async function outboxSettled() {
  await expect
    .poll(
      () => server.query<{ n: number }>("select count(*) n from outbox where status in ('queued', 'sending')")[0].n,
      {
        timeout: 20_000,
      },
    )
    .toBe(0);
}

async function signInAsOrganiser(page: Page) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.200" });
  const before = sentTo("admin@localhost").length;
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Organiser email address").fill("admin@localhost");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await expect.poll(() => sentTo("admin@localhost").length, { timeout: 15_000 }).toBe(before + 1);
  const link = sentTo("admin@localhost")
    .at(-1)!
    .text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  await page.goto(link!);
  await expect(page.getByRole("navigation", { name: "Organisers" })).toBeVisible();
}

test("one client causes only a few emails; the rest wait, unemailed, until an organiser releases them", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const recipients = Array.from({ length: 30 }, (_, index) => `relay-${index}@example.org`);
  for (const recipient of recipients) {
    const answer = await sign("198.51.100.7", recipient, { name: LURE });
    expect(answer.status, "the same public answer as always").toBe(202);
  }
  await outboxSettled();
  const sent = sentToAny(recipients);
  expect(sent, "only the client's hourly share went out").toHaveLength(PER_CLIENT_HOUR);
  for (const email of sent) {
    expect(email.text, "no greeting built from the name").not.toMatch(/Dear/);
    expect(email.text + email.html, "the name typed never reaches the email").not.toContain("evil.example");
  }
  const held = server.query<{ n: number }>(
    "select count(*) n from signatures where review_reason = 'email-budget' and state = 'pending'",
  )[0].n;
  expect(held, "the others are kept, held without email").toBe(30 - PER_CLIENT_HOUR);

  await signInAsOrganiser(page);
  await page.goto(`${server.url}/admin/review`);
  await expect(page.getByRole("heading", { name: "Held without email" })).toBeVisible();
  await page.getByRole("button", { name: `Release all ${held} and send their emails, on every document` }).click();
  await expect(page.getByRole("status")).toHaveText(
    `${held} held signatures were released; their confirmation emails are on their way.`,
  );
  await expect.poll(() => sentToAny(recipients).length, { timeout: 20_000 }).toBe(30);
  const audit = server.query<{ actor: string; details: string }>(
    "select actor, details from audit_log where action = 'signatures.release-emails'",
  );
  expect(audit).toHaveLength(1);
  expect(audit[0].actor).toBe("admin@localhost");
  expect(JSON.parse(audit[0].details)).toMatchObject({ released: held, emailed: held });
  await expect(page.getByText("No signature is waiting for its email.")).toBeVisible();
});

test("a whole IPv6 /64 is one client, and an IPv4-mapped address is its IPv4 address", async () => {
  const rotating = Array.from({ length: 8 }, (_, index) => `2001:db8:77:1::${(index + 1).toString(16)}`);
  const v6Recipients = rotating.map((_, index) => `relay-v6-${index}@example.org`);
  for (const [index, address] of rotating.entries())
    expect((await sign(address, v6Recipients[index])).status).toBe(202);
  const mixed = ["203.0.113.9", "::ffff:203.0.113.9", "203.0.113.9", "::ffff:203.0.113.9", "::ffff:cb00:7109"];
  const v4Recipients = mixed.map((_, index) => `relay-v4-${index}@example.org`);
  for (const [index, address] of mixed.entries()) expect((await sign(address, v4Recipients[index])).status).toBe(202);
  await outboxSettled();
  expect(sentToAny(v6Recipients)).toHaveLength(PER_CLIENT_HOUR);
  expect(sentToAny(v4Recipients)).toHaveLength(PER_CLIENT_HOUR);
});

test("an address receives at most 5 signing emails a day, however many documents it is used on", async () => {
  const victim = "relay-victim@example.org";
  let client = 0;
  const nextClient = () => `192.0.2.${++client}`; // a fresh client each time: only the address's share limits
  for (let round = 0; round < 5; round += 1) {
    expect((await sign(nextClient(), victim)).status).toBe(202);
    expect((await sign(nextClient(), victim, { collection: "letters", slug: "family-letter" })).status).toBe(202);
  }
  await outboxSettled();
  expect(sentTo(victim)).toHaveLength(5);
});

test("a flood of 500 signatures from one client does not delay another signer's confirmation", async () => {
  test.setTimeout(180_000);
  const flood = Array.from({ length: 500 }, (_, index) => `flood-${index}@example.org`);
  let next = 0;
  const worker = async () => {
    while (next < flood.length) {
      const answer = await sign("198.51.100.99", flood[next++]);
      expect(answer.status).toBe(202);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const bystander = "bystander@example.org";
  expect((await sign("203.0.113.50", bystander)).status).toBe(202);
  // Handed to the provider within seconds (a generous bound on a loaded machine), not after the flood.
  await expect.poll(() => sentTo(bystander).length, { timeout: 10_000 }).toBe(1);
  expect(sentTo(bystander)[0].subject).toMatch(/^Confirm your signature/);
  expect(sentToAny(flood).length).toBeLessThanOrEqual(PER_CLIENT_HOUR);
});
