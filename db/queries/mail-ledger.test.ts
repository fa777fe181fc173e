import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { activeDialect } from "@/db/dialect";
import { confirmationTokens, documents, mailLedger, outbox, signatures } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { hashRecipient } from "@/lib/security/client-address";
import { hashToken, newTokenNonce } from "@/lib/security/tokens";
import { getLocalizedDocument } from "./documents";
import type { MailBudget } from "./mail-ledger";
import { recordSignature, type NewSignature } from "./signatures";

// Another instance, as PostgreSQL sees it: a session of its own holding a budget's lock in an open transaction.
const CLIENT = "client-behind-one-nat";
let other: pg.Client | undefined;

async function holdLock(key: string) {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  await other.query("begin");
  await other.query("select pg_advisory_xact_lock(hashtext($1))", [key]);
}

async function releaseLock() {
  await other?.query("commit");
  await other?.end();
  other = undefined;
}

/** Advisory locks some session is waiting for right now. */
async function waitingForAdvisoryLocks(): Promise<number> {
  const { rows } = await other!.query<{ waiting: string }>(
    "select count(*) as waiting from pg_locks where locktype = 'advisory' and not granted",
  );
  return Number(rows[0].waiting);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const signer = (email: string): NewSignature => ({
  name: "Анна Петрова",
  email,
  emailKey: emailKey(email),
  country: "RU",
  city: null,
  comment: null,
  organisation: null,
  role: null,
  display: "full",
  updates: false,
  locale: "en",
  ipHash: CLIENT,
  flagged: null,
});

const budget = (email: string, perClientHour: number | null): MailBudget => ({
  recipientHash: hashRecipient(emailKey(email)),
  clientHash: CLIENT,
  perClientHour,
  perAddressDay: 5,
});

const token = () => ({
  hash: hashToken(newTokenNonce()),
  nonce: newTokenNonce(),
  expiresAt: new Date(Date.now() + 3600_000),
});

async function petition() {
  const document = await getLocalizedDocument("petition", "moscow-trials", "en");
  if (!document) throw new Error("seed missing");
  return document;
}

beforeEach(async () => {
  await getDb().delete(outbox);
  await getDb().delete(mailLedger);
  await getDb().delete(confirmationTokens);
  await getDb().delete(signatures);
  await getDb().update(documents).set({ signatureCount: 0 });
});

afterEach(releaseLock);

describe.skipIf(activeDialect() !== "postgres")("the client's email budget lock across instances", () => {
  it("is not taken when the client's share is not counted (RATE_LIMITS=off): signers behind one address do not queue", async () => {
    await holdLock(`mail:${CLIENT}`);
    // Would wait for the other session's commit, and time the test out, if it took the client's lock.
    expect(
      await recordSignature(
        await petition(),
        signer("anna@example.org"),
        token(),
        null,
        budget("anna@example.org", null),
      ),
    ).toBe("created");
    expect(await getDb().select().from(outbox)).toHaveLength(1);
  });

  it("is taken when the client's share is counted, so two instances cannot both spend its last email", async () => {
    await holdLock(`mail:${CLIENT}`);
    const signing = recordSignature(
      await petition(),
      signer("boris@example.org"),
      token(),
      null,
      budget("boris@example.org", 3),
    );
    let settled = false;
    void signing.finally(() => (settled = true));
    await until(async () => (await waitingForAdvisoryLocks()) === 1);
    expect(settled).toBe(false);
    await releaseLock();
    expect(await signing).toBe("created");
    expect(await getDb().select().from(mailLedger)).toEqual([expect.objectContaining({ clientHash: CLIENT })]);
  });
});
