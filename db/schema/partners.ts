import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative imports: drizzle-kit loads the schema without the project's path aliases.
import { webhookDeliveryStatuses, type ApiScope, type WebhookEvent } from "../../lib/vocabulary";
import { now } from "./campaign";

// What partners' programs use: API keys, and the webhook endpoints organisers register.

/** A key is shown once; only its SHA-256 is kept, with its first characters to recognise it by. */
export const apiKeys = sqliteTable("api_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  scopes: text("scopes", { mode: "json" }).notNull().$type<ApiScope[]>(),
  requestsPerMinute: integer("requests_per_minute").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  // Written at most once a minute per key, so that reads do not each cost a write.
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

/** Requests per key and minute, shared by every instance: the key's own rate limit. */
export const apiKeyMinutes = sqliteTable(
  "api_key_minutes",
  {
    keyId: integer("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    minute: integer("minute").notNull(),
    requests: integer("requests").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.keyId, table.minute] })],
);

/** Where events are posted, signed with the endpoint's own secret (whsec_…, Standard Webhooks). */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  events: text("events", { mode: "json" }).notNull().$type<WebhookEvent[]>(),
  secret: text("secret").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
});

/**
 * One row per endpoint and event: the unique pair is what makes an event go out once per endpoint, however
 * often it is queued; a worker claims a row with a lease, as the outbox's do.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    // The webhook-id header: the same on every attempt, so the receiver can drop a second copy.
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: text("payload", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(now),
    leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_endpoint_event").on(table.endpointId, table.eventId),
    index("webhook_deliveries_due").on(table.status, table.nextAttemptAt),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
