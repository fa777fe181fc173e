import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import type { Translated } from "@/db/schema/campaign";
import { mailLedgerPurposes, outboxPriorities, outboxStatuses, updateStatuses } from "@/db/schema/messaging";
import { documents } from "./campaign";
import { jsonValue, nowMs, timestampMs } from "./columns";
import { delegations } from "./delegation";

// The PostgreSQL twins of db/schema/messaging.ts.
export const updates = pgTable("updates", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  documentId: integer("document_id").references(() => documents.id),
  delegationId: integer("delegation_id").references(() => delegations.id),
  texts: jsonValue("texts").notNull().$type<Translated<{ subject: string; body: string }>>(),
  status: text("status", { enum: updateStatuses }).notNull().default("draft"),
  recipients: integer("recipients").notNull().default(0),
  createdBy: text("created_by"),
  createdAt: timestampMs("created_at").notNull().default(nowMs),
  sentAt: timestampMs("sent_at"),
});

export const outbox = pgTable(
  "outbox",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    template: text("template").notNull(),
    recipient: text("recipient").notNull(),
    payload: jsonValue("payload").notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: outboxStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestampMs("next_attempt_at").notNull().default(nowMs),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    batchKey: text("batch_key"),
    updateId: integer("update_id").references(() => updates.id),
    dedupeKey: text("dedupe_key").unique(),
    priority: integer("priority").notNull().default(outboxPriorities.personal),
    leaseExpiresAt: timestampMs("lease_expires_at"),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
    sentAt: timestampMs("sent_at"),
  },
  (table) => [
    index("outbox_due").on(table.status, table.priority, table.nextAttemptAt),
    index("outbox_batch").on(table.batchKey),
    index("outbox_update").on(table.updateId, table.status),
    check("outbox_attempts_non_negative", sql`${table.attempts} >= 0`),
  ],
);

export const mailLedger = pgTable(
  "mail_ledger",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    purpose: text("purpose", { enum: mailLedgerPurposes }).notNull(),
    recipientHash: text("recipient_hash").notNull(),
    clientHash: text("client_hash"),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
  },
  (table) => [
    index("mail_ledger_recipient").on(table.purpose, table.recipientHash, table.createdAt),
    index("mail_ledger_client").on(table.purpose, table.clientHash, table.createdAt),
    index("mail_ledger_created").on(table.createdAt),
  ],
);
