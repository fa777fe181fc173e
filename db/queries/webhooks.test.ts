import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documents, outbox, signatures, webhookDeliveries } from "@/db/schema";
import { emailKey } from "@/lib/format/email-key";
import { closeDueDocuments } from "./campaigns";
import { getLocalizedDocument, listDocumentTexts, updateDocument } from "./documents";
import { withdrawSignature } from "./self-service";
import { recordPartnerConfirmedSignature } from "./confirming";
import { createUpdate, markUpdateSent, queueUpdate } from "./updates";
import { insertWebhookEndpoint, queueWebhookEvent, setWebhookEndpointDisabled } from "./webhooks";

let everything: number;

beforeAll(async () => {
  everything = await insertWebhookEndpoint({
    url: "http://127.0.0.1:9/all",
    events: ["signature.confirmed", "signature.withdrawn", "campaign.closed", "update.sent"],
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    createdBy: "o@x",
  });
});

async function eventsOfType(type: string) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, type));
}

async function petition() {
  return (await getLocalizedDocument("petition", "moscow-trials", "en"))!;
}

describe("webhook events", () => {
  it("are queued once per listening, enabled endpoint, all with the same event id", async () => {
    const second = await insertWebhookEndpoint({
      url: "http://127.0.0.1:9/b",
      events: ["update.sent"],
      secret: "whsec_x",
      createdBy: "o@x",
    });
    const off = await insertWebhookEndpoint({
      url: "http://127.0.0.1:9/c",
      events: ["update.sent"],
      secret: "whsec_x",
      createdBy: "o@x",
    });
    await setWebhookEndpointDisabled(off, true);
    const eventId = await queueWebhookEvent(getDb(), "update.sent", { update: { id: 0 } });
    const queued = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
    expect(queued.map((row) => row.endpointId).sort()).toEqual([everything, second].sort());
    expect(queued[0]).toMatchObject({ status: "queued", attempts: 0, eventType: "update.sent" });
    await setWebhookEndpointDisabled(second, true);
  });

  it("tell of a partner-confirmed signature, and of its withdrawal without personal data", async () => {
    const input = {
      ...{ name: "Анна Петрова", email: "anna@example.org", emailKey: emailKey("anna@example.org"), country: "RU" },
      ...{ city: null, comment: null, organisation: null, role: null, display: "full" as const, updates: false },
      ...{ locale: "en" as const, ipHash: null },
    };
    expect(await recordPartnerConfirmedSignature(await petition(), input)).toBe(true);
    const [confirmed] = await eventsOfType("signature.confirmed");
    expect(confirmed.payload).toMatchObject({
      type: "signature.confirmed",
      data: { signature: { email: "anna@example.org", confirmed_by: "partner" } },
    });
    const [row] = await getDb().select().from(signatures).where(eq(signatures.email, "anna@example.org"));
    await withdrawSignature(row.id);
    const [withdrawn] = await eventsOfType("signature.withdrawn");
    expect(withdrawn.payload).toMatchObject({ data: { petition: { id: "moscow-trials" }, signature: { id: row.id } } });
    expect(JSON.stringify(withdrawn.payload)).not.toContain("anna");
  });

  it("tell of a campaign closed by an organiser's edit, once", async () => {
    const document = await petition();
    const [english] = (await listDocumentTexts(document.id, document.currentVersion)).filter((t) => t.locale === "en");
    const { title, summary, body, addressee, authors } = english;
    const edit = { locale: "en" as const, text: { title, summary, body, addressee, authors }, goal: document.goal };
    await updateDocument(document.id, { ...edit, status: "closed" });
    await updateDocument(document.id, { ...edit, status: "closed", goal: document.goal + 1 });
    const closed = await eventsOfType("campaign.closed");
    expect(closed).toHaveLength(1);
    expect(closed[0].payload).toMatchObject({ data: { petition: { id: "moscow-trials", kind: "petition" } } });
    await getDb().update(documents).set({ status: "open" }).where(eq(documents.id, document.id));
  });

  it("tell of a campaign closed on its date by the scheduled job, once", async () => {
    const document = await petition();
    await getDb().delete(webhookDeliveries).where(eq(webhookDeliveries.eventType, "campaign.closed"));
    const due = new Date(Date.now() - 1000);
    await getDb().update(documents).set({ closesAt: due }).where(eq(documents.id, document.id));
    expect((await closeDueDocuments()).map((closed) => closed.slug)).toEqual(["moscow-trials"]);
    expect(await closeDueDocuments()).toEqual([]);
    const closed = await eventsOfType("campaign.closed");
    expect(closed).toHaveLength(1);
    expect(closed[0].payload).toMatchObject({ data: { petition: { id: "moscow-trials", kind: "petition" } } });
    await getDb().update(documents).set({ status: "open", closesAt: null }).where(eq(documents.id, document.id));
  });

  it("tell of an update once it has been sent", async () => {
    const document = await petition();
    const update = await createUpdate({ documentId: document.id }, { en: { subject: "News", body: "Text" } }, "o@x");
    await getDb().delete(webhookDeliveries).where(eq(webhookDeliveries.eventType, "update.sent"));
    await queueUpdate(update.id);
    expect(await eventsOfType("update.sent")).toEqual([]); // queued is not sent
    // Sent once no message is waiting: mark them sent first, as the worker would.
    await getDb().update(outbox).set({ status: "sent" }).where(eq(outbox.updateId, update.id));
    expect(await markUpdateSent(update.id)).toBe(true);
    const [sent] = await eventsOfType("update.sent");
    expect(sent.payload).toMatchObject({ type: "update.sent", data: { update: { id: update.id } } });
  });
});
