import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, transaction, type Executor } from "@/db/index";
import { prepared } from "@/db/prepared";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { WebhookEvent } from "@/lib/vocabulary";

export type NewWebhookEndpoint = { url: string; events: WebhookEvent[]; secret: string; createdBy: string };

export async function insertWebhookEndpoint(endpoint: NewWebhookEndpoint) {
  const [created] = await getDb().insert(webhookEndpoints).values(endpoint).returning({ id: webhookEndpoints.id });
  return created.id;
}

/** The endpoints for the admin page: never their secrets. */
export async function listWebhookEndpoints() {
  return getDb()
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      createdBy: webhookEndpoints.createdBy,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.id));
}

/** Stops (or resumes) sending to an endpoint; returns its URL, or null for an unknown one. */
export async function setWebhookEndpointDisabled(id: number, disabled: boolean, now = new Date()) {
  const [changed] = await getDb()
    .update(webhookEndpoints)
    .set({ disabledAt: disabled ? now : null })
    .where(eq(webhookEndpoints.id, id))
    .returning({ url: webhookEndpoints.url });
  return changed?.url ?? null;
}

/** A fresh event id (the webhook-id header): the same for every endpoint that hears of this event. */
function newEventId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

type EventBody = { type: WebhookEvent; timestamp: string; data: Record<string, unknown> };

async function queueForEndpoints(db: Executor, endpointIds: number[], eventId: string, body: EventBody) {
  if (endpointIds.length === 0) return 0;
  const queued = await db
    .insert(webhookDeliveries)
    .values(endpointIds.map((endpointId) => ({ endpointId, eventId, eventType: body.type, payload: body })))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return queued.length;
}

const selectEnabledEndpoints = (db: Executor) =>
  db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.disabledAt))
    .prepare();

/**
 * Queues an event for every enabled endpoint that listens to it, inside the caller's transaction, so the
 * event exists exactly when the change it tells of does. Returns the event id.
 */
export async function queueWebhookEvent(
  tx: Executor,
  type: Exclude<WebhookEvent, "webhook.test">,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<string> {
  const endpoints = await prepared(tx, selectEnabledEndpoints).execute();
  const listening = endpoints.filter((endpoint) => endpoint.events.includes(type)).map((endpoint) => endpoint.id);
  const eventId = newEventId();
  await queueForEndpoints(tx, listening, eventId, { type, timestamp: now.toISOString(), data });
  return eventId;
}

/** The organisers' "send a test event" to one endpoint, whatever events it listens to. */
export async function queueTestEvent(endpointId: number, now = new Date()) {
  const eventId = newEventId();
  const queued = await queueForEndpoints(getDb(), [endpointId], eventId, {
    type: "webhook.test",
    timestamp: now.toISOString(),
    data: { message: "A test event sent by an organiser." },
  });
  return queued === 1 ? eventId : null;
}

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/**
 * Takes up to `limit` due deliveries with a lease, as the outbox does: the claim moves only rows still
 * queued, so of two workers choosing the same row only one gets it; a worker that dies lets its lease lapse.
 */
export async function claimDueDeliveries(limit: number, leaseMs: number, now = new Date()) {
  return transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, "queued"), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(limit);
    if (due.length === 0) return [];
    const claimed = await tx
      .update(webhookDeliveries)
      .set({
        status: "sending",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        leaseExpiresAt: new Date(now.getTime() + leaseMs),
      })
      .where(
        and(
          eq(webhookDeliveries.status, "queued"),
          inArray(
            webhookDeliveries.id,
            due.map((row) => row.id),
          ),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (claimed.length === 0) return [];
    return tx
      .select({
        id: webhookDeliveries.id,
        eventId: webhookDeliveries.eventId,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
        createdAt: webhookDeliveries.createdAt,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        disabledAt: webhookEndpoints.disabledAt,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        inArray(
          webhookDeliveries.id,
          claimed.map((row) => row.id),
        ),
      )
      .orderBy(asc(webhookDeliveries.id));
  });
}

export async function markDeliveryDelivered(id: number, status: number, now = new Date()) {
  await getDb()
    .update(webhookDeliveries)
    .set({ status: "delivered", lastStatus: status, lastError: null, deliveredAt: now, leaseExpiresAt: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "sending")));
}

/** Back in the queue for `nextAttemptAt`, or failed for good when that is null. */
export async function markDeliveryFailed(id: number, status: number | null, error: string, nextAttemptAt: Date | null) {
  await getDb()
    .update(webhookDeliveries)
    .set({
      status: nextAttemptAt ? "queued" : "failed",
      lastStatus: status,
      lastError: error.slice(0, 500),
      nextAttemptAt: nextAttemptAt ?? undefined,
      leaseExpiresAt: null,
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "sending")));
}

/** Deliveries whose worker died mid-send (its lease ran out, or every lease: the only server restarted). */
export async function requeueLapsedDeliveries(now: Date | null = new Date()) {
  const requeued = await getDb()
    .update(webhookDeliveries)
    .set({ status: "queued", leaseExpiresAt: null })
    .where(
      and(
        eq(webhookDeliveries.status, "sending"),
        now ? or(isNull(webhookDeliveries.leaseExpiresAt), lte(webhookDeliveries.leaseExpiresAt, now)) : undefined,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return requeued.length;
}

/** The delivery log: newest first, with the endpoint's URL. */
export async function listRecentDeliveries(limit = 50) {
  return getDb()
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      url: webhookEndpoints.url,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

type SignatureFacts = {
  id: number;
  name: string;
  email: string;
  country: string;
  createdAt: Date;
  confirmedAt: Date | null;
  confirmedBy: string | null;
};

/** A confirmed signature as an event tells of it: the OSDI person fields a CRM needs, nothing more. */
export function signatureEventData(signature: SignatureFacts, document: { slug: string; kind: string }) {
  return {
    petition: { id: document.slug, kind: document.kind },
    signature: {
      id: signature.id,
      name: signature.name,
      email: signature.email,
      country: signature.country,
      created_date: signature.createdAt.toISOString(),
      confirmed_date: signature.confirmedAt?.toISOString() ?? null,
      confirmed_by: signature.confirmedBy ?? "email",
    },
  };
}
