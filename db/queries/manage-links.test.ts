import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { confirmationTokens, documents, mailLedger, outbox, signatures, updates } from "@/db/schema";
import { composeEmail } from "@/emails/compose";
import { emailKey } from "@/lib/format/email-key";
import { hashRecipient } from "@/lib/security/client-address";
import { manageToken, verifyManageToken } from "@/lib/security/signer-links";
import { getLocalizedDocument } from "./documents";
import { getManageLinkVersion, renewManageLink } from "./manage-links";
import type { MailBudget } from "./mail-ledger";
import { withdrawSignature } from "./self-service";
import { MAX_EMAILS_PER_SIGNATURE, recordSignature, requestSignatureEmail } from "./signatures";
import { confirmSignature } from "./confirming";
import { createUpdate, queueUpdate } from "./updates";

const db = () => getDb();
const verify = (token: string) => verifyManageToken(token, getManageLinkVersion);
const email = { locale: "en" as const, documentTitle: "Annul the verdicts" };

async function petition() {
  const document = await getLocalizedDocument("petition", "moscow-trials", "en");
  if (!document) throw new Error("seed missing");
  return document;
}

/** A confirmed signer, through the real signing path. */
async function confirmedSigner(address: string) {
  const token = tokenFor(address);
  await recordSignature(
    await petition(),
    {
      name: "Вера Иванова",
      email: address,
      emailKey: emailKey(address),
      country: "RU",
      city: null,
      comment: null,
      organisation: null,
      role: null,
      display: "full",
      updates: true,
      locale: "en",
      ipHash: null,
      flagged: null,
    },
    token,
  );
  await confirmSignature(token.hash);
  const [row] = await db().select().from(signatures).where(eq(signatures.email, address));
  return row;
}

const budget = (address: string, overrides: Partial<MailBudget> = {}): MailBudget => ({
  recipientHash: hashRecipient(emailKey(address)),
  clientHash: "client-of-the-test",
  perClientHour: 100,
  perAddressDay: 100,
  ...overrides,
});

const messages = () => db().select().from(outbox).orderBy(asc(outbox.id));
const linkIn = (text: string) => text.match(/http:\/\/petitions\.test\/signature\/(\d+\.[A-Za-z0-9_-]{43})/)?.[1];

beforeEach(async () => {
  await db().delete(outbox);
  await db().delete(updates);
  await db().delete(mailLedger);
  await db().delete(confirmationTokens);
  await db().delete(signatures);
  await db().update(documents).set({ signatureCount: 0, status: "open" });
});

describe("asking for a new private link", () => {
  it("voids the old link at once, and emails a new one that works", async () => {
    const vera = await confirmedSigner("vera@example.org");
    const other = await confirmedSigner("ivan@example.org");
    expect(vera.manageLinkVersion).toBe(1);
    const old = manageToken(vera.id, 1);
    expect(await verify(old)).toEqual({ id: vera.id, version: 1 });

    await db().delete(outbox);
    expect(await renewManageLink(vera.id, 1, email, budget(vera.email))).toBe("renewed");

    expect(await getManageLinkVersion(vera.id)).toBe(2);
    expect(await verify(old)).toBeNull();
    const [message] = await messages();
    expect(message).toMatchObject({ template: "manage-link", recipient: "vera@example.org" });
    expect(message.payload).toEqual({ ...email, signatureId: vera.id, manageVersion: 2 });
    expect(JSON.stringify(message.payload)).not.toContain(manageToken(vera.id, 2)); // no usable link is stored

    const sent = await composeEmail(message);
    expect(sent.subject).toBe("Your new private link: Annul the verdicts");
    const renewed = linkIn(sent.text)!;
    expect(await verify(renewed)).toEqual({ id: vera.id, version: 2 });
    expect(sent.html).toContain(`/signature/${renewed}`);

    // Nobody else's link changed, and Vera's new MAC opens nobody else's signature.
    expect(await verify(manageToken(other.id, 1))).toEqual({ id: other.id, version: 1 });
    expect(await verify(`${other.id}.${renewed.split(".")[1]}`)).toBeNull();
  });

  it("renews nothing from a link already voided, nor for a withdrawn signature", async () => {
    const vera = await confirmedSigner("vera@example.org");
    await db().delete(outbox);
    expect(await renewManageLink(vera.id, 1, email, budget(vera.email))).toBe("renewed");
    expect(await renewManageLink(vera.id, 1, email, budget(vera.email))).toBe("gone");
    expect(await getManageLinkVersion(vera.id)).toBe(2);
    expect(await messages()).toHaveLength(1);

    await withdrawSignature(vera.id);
    expect(await renewManageLink(vera.id, 2, email, budget("vera@example.org"))).toBe("gone");
    expect(await messages()).toHaveLength(0); // withdrawing erased the unsent email too
  });

  it("stays within the address's daily and the client's hourly budgets, leaving the link as it was", async () => {
    const vera = await confirmedSigner("vera@example.org");
    const ledger = async () => (await db().select().from(mailLedger)).length;
    await db().delete(mailLedger);
    await db().delete(outbox);

    expect(await renewManageLink(vera.id, 1, email, budget(vera.email, { perAddressDay: 1 }))).toBe("renewed");
    expect(await ledger()).toBe(1);
    expect(await renewManageLink(vera.id, 2, email, budget(vera.email, { perAddressDay: 1 }))).toBe("capped");
    expect(await renewManageLink(vera.id, 2, email, budget(vera.email, { perClientHour: 1 }))).toBe("capped");
    expect(await getManageLinkVersion(vera.id)).toBe(2);
    expect(await verify(manageToken(vera.id, 2))).not.toBeNull();
    expect(await messages()).toHaveLength(1);
    expect(await ledger()).toBe(1);
  });

  it("is not refused when the signing forms have spent the signature's own share", async () => {
    const vera = await confirmedSigner("vera@example.org");
    await db().update(signatures).set({ emailsSent: MAX_EMAILS_PER_SIGNATURE }).where(eq(signatures.id, vera.id));
    expect(await requestSignatureEmail(await petition(), vera.emailKey, tokenFor("x"))).toBe("capped");
    expect(await renewManageLink(vera.id, 1, email, budget(vera.email))).toBe("renewed");
  });

  it("reaches later emails: the lost-link email and updates carry the current link", async () => {
    const vera = await confirmedSigner("vera@example.org");
    await renewManageLink(vera.id, 1, email, budget(vera.email));
    await db().delete(outbox);

    expect(await requestSignatureEmail(await petition(), vera.emailKey, tokenFor("lost"))).toBe("queued");
    const update = await createUpdate({ documentId: vera.documentId }, { en: { subject: "News", body: "Text" } }, "t");
    await queueUpdate(update.id);
    const sent = await Promise.all((await messages()).map(composeEmail));
    expect(sent.map((message) => message.subject)).toEqual([expect.stringMatching(/^You have already signed/), "News"]);
    for (const message of sent) expect(await verify(linkIn(message.text)!)).toEqual({ id: vera.id, version: 2 });
  });
});

function tokenFor(label: string) {
  return { hash: `hash-${label}`, nonce: `nonce-${label}`, expiresAt: new Date(Date.now() + 3600_000) };
}
