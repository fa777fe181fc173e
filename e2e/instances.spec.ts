// Two app instances on one PostgreSQL database, behind a round-robin proxy, behave as one site.
import { readFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ADMIN_EMAIL } from "@/e2e/support/admin";
import { DocumentPage } from "@/e2e/support/document-page";
import { confirmLink, mailTo, type Mail } from "@/e2e/support/mailbox";
import { ownPort, startOwnServer, type OwnServer } from "@/e2e/support/own-server";
import { startRoundRobinProxy, type RoundRobinProxy } from "@/e2e/support/round-robin-proxy";
import { E2E_LIMITS } from "@/playwright.config";
import { createTestDatabase } from "@/tests/postgres-databases";

test.describe.configure({ mode: "serial" });

const SLUG = "moscow-trials";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let shared: string;
let a: OwnServer;
let b: OwnServer;
let proxy: RoundRobinProxy;

const mailDir = () => path.join(shared, "mail");
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function waitForMailIn(address: string, count = 1): Promise<Mail> {
  await expect
    .poll(() => mailTo(address, mailDir()).length, { timeout: 30_000, message: `email #${count} to ${address}` })
    .toBeGreaterThanOrEqual(count);
  return mailTo(address, mailDir())[count - 1];
}

/** A link from an email (it names the proxy, APP_URL) opened on one instance in particular. */
const on = (server: OwnServer, link: string) => link.replace(proxy.url, server.url);

const counters = () =>
  query<{ kept: number; actual: string }>(
    `select d.signature_count as kept,
       (select count(*) from signatures s where s.document_id = d.id and s.state = 'confirmed') as actual
     from documents d order by d.id`,
  );

async function confirmOn(page: Page, server: OwnServer, email: string) {
  await page.goto(on(server, confirmLink(await waitForMailIn(email))));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
}

/** Asks for a sign-in link on `asked` and opens it on `opened`: the session is the database's, not theirs. */
async function signInAcross(page: Page, asked: OwnServer, opened: OwnServer) {
  const already = mailTo(ADMIN_EMAIL, mailDir()).length;
  await page.goto(`${asked.url}/sign-in`);
  await page.getByLabel("Organiser email address").fill(ADMIN_EMAIL);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await waitForMailIn(ADMIN_EMAIL, already + 1);
  const link = mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  if (!link) throw new Error("no sign-in link in the email");
  await page.goto(on(opened, link));
  await expect(page.getByRole("navigation", { name: "Organisers" })).toBeVisible();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createTestDatabase("e2e");
  shared = mkdtempSync(path.join(tmpdir(), "delegation-instances-"));
  const proxyPort = ownPort(9);
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-instances-shared-secret",
    MAIL_DIR: mailDir(),
    APP_URL: `http://localhost:${proxyPort}`,
    // A claim left by a killed instance lapses quickly, so the other sends its email within the test.
    OUTBOX_LEASE_SECONDS: "3",
    ...E2E_LIMITS,
  };
  // Started together on an empty database: they must migrate and seed it once between them.
  [a, b] = await Promise.all([startOwnServer(ownPort(7), env), startOwnServer(ownPort(8), env)]);
  proxy = await startRoundRobinProxy(proxyPort, [a.url, b.url]);
});

test.afterAll(async () => {
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
  if (shared) rmSync(shared, { recursive: true, force: true });
});

test("two instances starting together migrate and seed the database once", async () => {
  await expect.poll(async () => (await fetch(`${a.url}/api/petitions/${SLUG}`)).status).toBe(200);
  await expect.poll(async () => (await fetch(`${b.url}/api/petitions/${SLUG}`)).status).toBe(200);
  const documents = await query<{ slug: string }>("select slug from documents order by id");
  expect(documents.map((document) => document.slug)).toEqual(["moscow-trials", "family-letter"]);
  const [{ migrations }] = await query<{ migrations: string }>(
    "select count(*) as migrations from drizzle.__drizzle_migrations",
  );
  const files = (await readFile("db/migrations-postgres/meta/_journal.json", "utf8").then(JSON.parse)).entries;
  expect(Number(migrations)).toBe(files.length);
});

test("a signer signs on one instance and confirms on the other; both count it", async ({ page }) => {
  const email = unique("across");
  const before = Number(
    (await query<{ n: number }>("select signature_count as n from documents where slug = $1", [SLUG]))[0].n,
  );
  await new DocumentPage(page, `${a.url}/petitions/${SLUG}`).sign({ name: "Ада Лавлейс", email, country: "Russia" });
  await confirmOn(page, b, email);
  for (const server of [a, b]) {
    await expect
      .poll(async () => (await (await fetch(`${server.url}/api/petitions/${SLUG}`)).json()).signatureCount, {
        timeout: 30_000,
        message: `the count on ${server.url}`,
      })
      .toBe(before + 1);
  }
  expect(mailTo(email, mailDir())).toHaveLength(1);
});

test("an organiser signs in on one instance and exports on the other", async ({ page }) => {
  await signInAcross(page, a, b);

  // The session cookie was set for localhost: the other instance knows it too.
  await page.goto(`${a.url}/admin/signatures`);
  await expect(page.getByRole("navigation", { name: "Organisers" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = (await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, "");
  expect(csv).toContain("Ада Лавлейс");
});

test("an organiser's edit on one instance clears the other's cached pages", async ({ page }) => {
  const marker = `revised ${Date.now()}`;
  const read = async (server: OwnServer) => {
    const response = await fetch(`${server.url}/letters/family-letter`);
    return { edited: (await response.text()).includes(marker), cache: response.headers.get("x-nextjs-cache") };
  };
  await signInAcross(page, a, b);
  await page.goto(`${b.url}/admin/documents/family-letter`);
  const original = await page.getByLabel("Title").inputValue();
  await page.getByLabel("Title").fill(`${original} (${marker})`);
  // A young entry in the other instance's cache: once its copy is stale, it renders a fresh one.
  await expect.poll(async () => (await read(a)).cache, { timeout: 20_000, intervals: [250] }).toBe("STALE");
  await expect.poll(async () => (await read(a)).cache, { intervals: [100] }).toBe("HIT");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  // The poll stops at the first read that shows the edit: that read is the one whose cache status counts.
  let seen: Awaited<ReturnType<typeof read>> | undefined;
  await expect.poll(async () => (seen = await read(a)).edited, { timeout: 15_000, intervals: [200] }).toBe(true);
  // Rendered afresh because the change was announced (MISS), well before that young entry went stale and
  // was regenerated (a HIT after a STALE): it shows within about a second, not after the cache's 5 s.
  expect(seen?.cache).toBe("MISS");
});

test("killing an instance during a signing load loses nothing and sends each email exactly once", async ({ page }) => {
  test.setTimeout(180_000);
  const SIGNERS = 80;
  const emails = Array.from({ length: SIGNERS }, (_, index) => unique(`load-${index}`));
  const accepted: string[] = [];
  let answered = 0;
  let killed = false;
  const sign = async (email: string) => {
    const response = await fetch(`${proxy.url}/api/petitions/${SLUG}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Load Signer", email, country: "FR", display: "full", updates: false }),
    }).catch(() => null);
    answered++;
    if (response?.status === 202) accepted.push(email);
    // Mid-load, with requests in flight on both instances.
    if (answered === SIGNERS / 4 && !killed) {
      killed = true;
      a.kill("SIGKILL");
    }
  };
  const queue = [...emails];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let email = queue.shift(); email; email = queue.shift()) await sign(email);
    }),
  );
  expect(killed).toBe(true);
  // The proxy sends what the dead instance refuses to the living one: almost every request is accepted.
  expect(accepted.length).toBeGreaterThan(SIGNERS * 0.8);

  // Every accepted signature is stored...
  const stored = await query<{ email: string }>("select email from signatures where email = any($1)", [accepted]);
  expect(stored.map((row) => row.email).sort()).toEqual([...accepted].sort());
  // ...and its confirmation email arrives exactly once, including those the killed instance had claimed.
  await expect
    .poll(() => accepted.filter((email) => mailTo(email, mailDir()).length === 0).length, {
      timeout: 60_000,
      message: "accepted signers still without their email",
    })
    .toBe(0);
  for (const email of accepted) expect(mailTo(email, mailDir()), email).toHaveLength(1);

  // The instance left standing confirms, and the kept counts equal a recount.
  for (const email of accepted.slice(0, 3)) await confirmOn(page, b, email);
  for (const { kept, actual } of await counters()) expect(Number(kept)).toBe(Number(actual));
});
