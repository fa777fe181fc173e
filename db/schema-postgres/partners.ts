import { index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { webhookDeliveryStatuses, type ApiScope, type WebhookEvent } from "@/lib/vocabulary";
import { jsonValue, nowMs, timestampMs } from "./columns";

// The PostgreSQL twins of db/schema/partners.ts.
export const apiKeys = pgTable("api_keys", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  scopes: jsonValue("scopes").notNull().$type<ApiScope[]>(),
  requestsPerMinute: integer("requests_per_minute").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestampMs("created_at").notNull().default(nowMs),
  lastUsedAt: timestampMs("last_used_at"),
  revokedAt: timestampMs("revoked_at"),
});

export const apiKeyMinutes = pgTable(
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

export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  url: text("url").notNull(),
  events: jsonValue("events").notNull().$type<WebhookEvent[]>(),
  secret: text("secret").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestampMs("created_at").notNull().default(nowMs),
  disabledAt: timestampMs("disabled_at"),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonValue("payload").notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestampMs("next_attempt_at").notNull().default(nowMs),
    leaseExpiresAt: timestampMs("lease_expires_at"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
    deliveredAt: timestampMs("delivered_at"),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_endpoint_event").on(table.endpointId, table.eventId),
    index("webhook_deliveries_due").on(table.status, table.nextAttemptAt),
  ],
);
