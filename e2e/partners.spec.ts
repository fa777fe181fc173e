import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { startWebhookReceiver } from "@/tests/webhook-receiver";
import { signInAsAdmin } from "./support/admin";
import { ownPort, startOwnServer } from "./support/own-server";

const API = "/api/v1/petitions/moscow-trials";

/** Makes a key on the organisers' page and reads it from the one place it is ever shown. */
async function makeKey(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name (who uses it)").fill(name);
  for (const scope of scopes) await page.getByRole("checkbox", { name: `(${scope})` }).check();
  await page.getByRole("button", { name: "Make the key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent({ timeout: 30_000 })) ?? "";
  expect(key).toMatch(/^dlg_[A-Za-z0-9_-]{43}$/);
  return key;
}

const signer = (address: string) => ({
  person: {
    given_name: "Olga",
    family_name: "Partner",
    email_addresses: [{ address }],
    postal_addresses: [{ country: "FR" }],
  },
});

test.describe("partners' keys and webhooks, from the organisers' pages", () => {
  test.setTimeout(180_000);

  test("each key does only what its scopes say; a refused form makes no key; a revoked key is refused", async ({
    page,
    request,
  }) => {
    await signInAsAdmin(page);
    await page.goto("/admin/api-keys");
    await page.getByRole("button", { name: "Make the key" }).click();
    await expect(page.getByText("The key was not made")).toBeVisible();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);

    const counts = await makeKey(page, "Counts widget", ["counts:read"]);
    const crm = await makeKey(page, "Society CRM", ["signatures:read", "signatures:write"]);
    const as = (key: string): Record<string, string> => ({ Authorization: `Bearer ${key}` });

    expect((await request.get("/api/v1/petitions")).status()).toBe(401);
    const listed = await request.get("/api/v1/petitions", { headers: as(counts) });
    expect(listed.status()).toBe(200);
    expect(listed.headers()["content-type"]).toContain("application/hal+json");
    expect(JSON.stringify(await listed.json())).toContain("moscow-trials");
    expect((await request.get(`${API}/signatures`, { headers: as(counts) })).status()).toBe(403);
    const refusedWrite = await request.post(`${API}/signatures`, {
      headers: as(counts),
      data: signer("olga.refused@example.org"),
    });
    expect(refusedWrite.status()).toBe(403);

    expect((await request.get("/api/v1/petitions", { headers: as(crm) })).status()).toBe(403);
    const read = await request.get(`${API}/signatures`, { headers: as(crm) });
    expect(read.status()).toBe(200);
    const recorded = await request.post(`${API}/signatures`, {
      headers: as(crm),
      data: signer("olga.partner@example.org"),
    });
    expect(recorded.status()).toBe(202);
    expect(await recorded.json()).toMatchObject({ "delegation:status": "pending" });
    const invalid = await request.post(`${API}/signatures`, { headers: as(crm), data: { person: {} } });
    expect(invalid.status()).toBe(400);

    await page.goto("/admin/api-keys");
    await page.getByRole("button", { name: "Revoke the key Counts widget" }).click();
    await expect(page.getByRole("status")).toContainText("The key was revoked");
    expect((await request.get("/api/v1/petitions", { headers: as(counts) })).status()).toBe(401);
    expect((await request.get(`${API}/signatures`, { headers: as(crm) })).status()).toBe(200);
  });

  test("a registered endpoint gets a signed test event, once, and the log says so", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto("/admin/webhooks");
    // Secrets are shown once, so the receiver learns its secret after registering: it verifies then.
    let secret = "";
    const receiver = await startWebhookReceiver("whsec_" + randomBytes(32).toString("base64"), { port: ownPort(12) });
    try {
      await page.getByLabel("Endpoint URL").fill("ftp://example.org/");
      await page.getByRole("button", { name: "Register the endpoint" }).click();
      await expect(page.getByText("The endpoint was not registered")).toBeVisible();
      await page.getByLabel("Endpoint URL").fill(receiver.url);
      await page.getByRole("checkbox", { name: "(signature.confirmed)" }).check();
      await page.getByRole("button", { name: "Register the endpoint" }).click();
      secret = (await page.getByTestId("new-webhook-secret").textContent({ timeout: 30_000 })) ?? "";
      expect(secret).toMatch(/^whsec_/);
    } finally {
      await receiver.close();
    }
    const verifying = await startWebhookReceiver(secret, { port: ownPort(12) });
    try {
      await page.goto("/admin/webhooks");
      await page.getByRole("button", { name: `Send a test event to ${verifying.url}` }).click();
      await expect.poll(() => verifying.received.size, { timeout: 60_000 }).toBe(1);
      expect([...verifying.received.values()][0].type).toBe("webhook.test");
      expect(verifying.stats.badSignatures).toBe(0);
      await expect
        .poll(
          async () => {
            await page.goto("/admin/webhooks");
            return page.locator("table").last().textContent();
          },
          { timeout: 30_000 },
        )
        .toContain("delivered");
      expect(verifying.stats.duplicates).toBe(0);
      // The shared server's later confirmations should not keep knocking at a receiver that is gone.
      await page.getByRole("button", { name: `Disable ${verifying.url}` }).click();
      await expect(page.getByText("(disabled)")).toBeVisible();
    } finally {
      await verifying.close();
    }
  });
});

test("a webhook queued before the server is killed is delivered once by the next start", async () => {
  test.setTimeout(240_000);
  const secret = "whsec_" + randomBytes(32).toString("base64");
  const receiver = await startWebhookReceiver(secret, { failFirst: Infinity });
  const env = { WEBHOOK_PRIVATE_TARGETS: "allow", WEBHOOK_RETRY_BASE_MS: "300" };
  const first = await startOwnServer(ownPort(13), env);
  const database = path.join(first.dir, "app.db");
  let second: Awaited<ReturnType<typeof startOwnServer>> | null = null;
  try {
    const key = `dlg_${randomBytes(32).toString("base64url")}`;
    const db = new Database(database);
    db.prepare(
      "insert into api_keys (name, prefix, key_hash, scopes, requests_per_minute, created_by) values (?, ?, ?, ?, 60, 'e2e')",
    ).run(
      "Foundation",
      key.slice(0, 12),
      createHash("sha256").update(key).digest("hex"),
      '["signatures:write-confirmed"]',
    );
    db.prepare("insert into webhook_endpoints (url, events, secret, created_by) values (?, ?, ?, 'e2e')").run(
      receiver.url,
      '["signature.confirmed"]',
      secret,
    );
    db.close();

    const signed = await fetch(`${first.url}${API}/signatures`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(signer("olga.restart@example.org")),
    });
    expect(signed.status).toBe(200);
    // The receiver is down: the first attempts fail, then the server dies with the event still owed.
    await expect.poll(() => receiver.stats.requests, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    first.kill("SIGKILL");
    await first.exited;
    receiver.recover();

    second = await startOwnServer(ownPort(13), {
      ...env,
      DATABASE_PATH: database,
      MAIL_DIR: path.join(first.dir, "mail"),
    });
    await expect.poll(() => receiver.received.size, { timeout: 90_000 }).toBe(1);
    const [event] = [...receiver.received.values()];
    expect(event.type).toBe("signature.confirmed");
    // Once the database says delivered, nothing more goes out: then the receiver must have it exactly once.
    await expect
      .poll(() => first.query<{ status: string }>("select status from webhook_deliveries"), { timeout: 30_000 })
      .toEqual([{ status: "delivered" }]);
    expect(receiver.stats.badSignatures).toBe(0);
    expect(receiver.stats.duplicates).toBe(0);
    expect(receiver.received.size).toBe(1);
  } finally {
    await second?.stop();
    await first.stop(); // removes the first server's folder, whose database the second one used
    await receiver.close();
  }
});
