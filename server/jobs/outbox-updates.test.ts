import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { claimDueMessages, requeueInterruptedMessages } from "@/db/queries/outbox";
import { createUpdate, getUpdateProgress, queueUpdate, type UpdateTexts } from "@/db/queries/updates";
import { documents, outbox, signatures, updates } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import type { Locale } from "@/lib/i18n/locales";
import { verifySignerToken } from "@/lib/security/signer-links";
import { startResendStub } from "@/tests/resend-stub";
import { composeEmail } from "@/emails/compose";
import { sendEmails } from "@/emails/transport/send";
import { drainOutbox } from "./outbox-worker";

// The real resend SDK against the local stub: the send seam is configured, not mocked.
let stub: Awaited<ReturnType<typeof startResendStub>>;

beforeAll(async () => {
  stub = await startResendStub();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = stub.url;
  process.env.MAIL_TIMEOUT_MS = "2000";
});

afterAll(async () => {
  await stub.close();
});

const db = () => getDb();
async function petitionId() {
  const [petition] = await db().select().from(documents).where(eq(documents.slug, "moscow-trials"));
  return petition.id;
}

async function addSigners(count: number, locale: Locale = "en", prefix = "signer") {
  const documentId = await petitionId();
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}${i}@example.org`;
    return {
      documentId,
      name: `Signer ${i}`,
      email,
      emailKey: emailKey(email),
      country: "FR",
      display: "full" as const,
      state: "confirmed" as const,
      updates: true,
      locale,
    };
  });
  return db().insert(signatures).values(rows).returning();
}

type SentEmail = {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(updates);
  await db().delete(signatures);
});

describe("an update's email", () => {
  const texts: UpdateTexts = {
    en: {
      subject: "The letter was delivered",
      body: 'It was **handed over** in Moscow. <script>alert(1)</script><b onclick="x()">raw</b>\n\n![pixel](https://tracker.example/p.gif)\n\n[Read more](https://example.org/more)',
    },
  };

  it("is in the signer's language, with the update's text in English where it has none, and drops raw HTML", async () => {
    const [signer] = await addSigners(1, "ru");
    const update = await createUpdate({ documentId: await petitionId() }, texts, "admin@localhost");
    await queueUpdate(update.id);
    const [message] = await db().select().from(outbox).limit(1);
    const email = await composeEmail(message);

    expect(email.subject).toBe("The letter was delivered");
    expect(email.html).toContain("<strong>handed over</strong>");
    expect(email.html).toContain('href="https://example.org/more"');
    expect(email.html).not.toMatch(/<script|<b |onclick|tracker\.example/); // tags dropped, their text is harmless
    expect(email.html).toContain('lang="ru"');
    expect(email.text).toContain("Вы получили это письмо, потому что при подписи попросили присылать новости");
    // Who sends it heads the email, and the footer carries their name and postal address; phones get a viewport.
    expect(email.text.indexOf("MOSCOW TRIALS CAMPAIGN COMMITTEE")).toBeLessThan(email.text.indexOf("Вы получили"));
    expect(email.text).toMatch(
      /Moscow Trials Campaign Committee\s+Moscow Trials Campaign Committee\s+c\/o the organisers\s+PO Box 1937/,
    );
    expect(email.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"');

    const pageLink = email.text.match(/http:\/\/petitions\.test\/ru\/unsubscribe\/(\S+)/)?.[1];
    expect(verifySignerToken("unsubscribe", pageLink)).toBe(signer.id);
    expect(email.text).toMatch(/http:\/\/petitions\.test\/ru\/signature\/\d+\.[A-Za-z0-9_-]{43}/);
    const oneClick = email.headers?.["List-Unsubscribe"].match(
      /^<http:\/\/petitions\.test\/api\/unsubscribe\/([^>]+)>$/,
    )?.[1];
    expect(verifySignerToken("unsubscribe", oneClick)).toBe(signer.id);
    expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("uses the update's Russian text for a Russian signer and gives each signer their own links", async () => {
    const [first, second] = await addSigners(2, "ru");
    const update = await createUpdate(
      { documentId: await petitionId() },
      { ...texts, ru: { subject: "Письмо вручено", body: "Его передали в Москве." } },
      "admin@localhost",
    );
    await queueUpdate(update.id);
    const [a, b] = await Promise.all(
      (await db().select().from(outbox).orderBy(asc(outbox.id))).map((message) => composeEmail(message)),
    );
    expect(a.subject).toBe("Письмо вручено");
    expect(a.html).toContain("Его передали в Москве.");
    expect(a.html).not.toContain("handed over");
    expect(a.headers?.["List-Unsubscribe"]).toContain(`/api/unsubscribe/${first.id}.`);
    expect(b.headers?.["List-Unsubscribe"]).toContain(`/api/unsubscribe/${second.id}.`);
    expect(b.text).toContain(`/ru/unsubscribe/${second.id}.`);
    expect(a.text).not.toContain(`/ru/unsubscribe/${second.id}.`);
  });
});

describe("sending an update through Resend", () => {
  const texts: UpdateTexts = { en: { subject: "News from Moscow", body: "The delegation is back." } };

  /** Groups what the stub was sent by idempotency key: the provider accepts each key once. */
  function acceptedRecipients(from: number) {
    const byKey = new Map<string, SentEmail[]>();
    for (const request of stub.requests.slice(from)) byKey.set(request.idempotencyKey!, request.body as SentEmail[]);
    return [...byKey.values()].flat().map((email) => String(email.to));
  }

  it("goes out in batch requests, each email with List-Unsubscribe headers, to each recipient once", async () => {
    const before = stub.requests.length;
    await addSigners(150);
    const update = await createUpdate({ documentId: await petitionId() }, texts, "admin@localhost");
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 150 });
    await drainOutbox();

    const requests = stub.requests.slice(before);
    expect(requests.map((request) => [request.path, (request.body as unknown[]).length])).toEqual([
      ["/emails/batch", 100],
      ["/emails/batch", 50],
    ]);
    const emails = requests.flatMap((request) => request.body as SentEmail[]);
    for (const email of emails) {
      expect(email.headers?.["List-Unsubscribe"]).toMatch(
        /^<http:\/\/petitions\.test\/api\/unsubscribe\/\d+\.[A-Za-z0-9_-]{43}>$/,
      );
      expect(email.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    expect(new Set(emails.map((email) => email.headers?.["List-Unsubscribe"])).size).toBe(150);
    const recipients = acceptedRecipients(before);
    expect(recipients).toHaveLength(150);
    expect(new Set(recipients).size).toBe(150);
    expect(await getUpdateProgress(update.id)).toEqual({ queued: 0, sending: 0, sent: 150, failed: 0 });
  });

  it("reaches each recipient once when the worker dies after a batch was accepted and sending is restarted", async () => {
    const before = stub.requests.length;
    const acceptedBefore = stub.acceptedCount();
    await addSigners(130);
    const update = await createUpdate({ documentId: await petitionId() }, texts, "admin@localhost");
    await queueUpdate(update.id);

    // A worker claims the first batch, Resend accepts it, and the process dies before recording that.
    const batch = await claimDueMessages(100, 60_000);
    const envelopes = await Promise.all(
      batch.map(async (message) => ({ key: `outbox-${message.id}`, email: await composeEmail(message) })),
    );
    expect((await sendEmails(envelopes, batch[0].batchKey!)).ok).toBe(true);
    expect(await getUpdateProgress(update.id)).toMatchObject({ sending: 100, sent: 0 });

    // The restart: what startOutboxWorker does first, an organiser pressing "send" again, then the drain.
    await requeueInterruptedMessages();
    expect(await queueUpdate(update.id)).toMatchObject({ queued: 0 });
    await drainOutbox();

    const keys = stub.requests.slice(before).map((request) => request.idempotencyKey);
    expect(keys).toEqual([batch[0].batchKey, batch[0].batchKey, expect.stringMatching(/^outbox-batch-/)]);
    expect(stub.acceptedCount() - acceptedBefore).toBe(130);
    const recipients = acceptedRecipients(before);
    expect(recipients).toHaveLength(130);
    expect(new Set(recipients).size).toBe(130);
    expect(await getUpdateProgress(update.id)).toEqual({ queued: 0, sending: 0, sent: 130, failed: 0 });
  });
});
