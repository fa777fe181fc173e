import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { documents, now, type Translated } from "./campaign";
import { delegations } from "./delegation";

// What goes out to people: organisers' updates, and the outbox every email passes through.
export const outboxStatuses = ["queued", "sending", "sent", "failed"] as const;

/** Lower goes first: a signer waiting for a confirmation or an organiser for a sign-in link before news. */
export const outboxPriorities = { personal: 0, update: 1 } as const;

/** Who an email was caused for: the signing emails (confirm, "already signed") or an organiser's sign-in link. */
export const mailLedgerPurposes = ["signing", "sign-in"] as const;

export const updateStatuses = ["draft", "sending", "sent"] as const;

/** News for signers, about one document or about the delegation (and then for signers of what it carries). */
export const updates = sqliteTable("updates", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  documentId: integer("document_id").references(() => documents.id),
  delegationId: integer("delegation_id").references(() => delegations.id),
  texts: text("texts", { mode: "json" }).notNull().$type<Translated<{ subject: string; body: string }>>(),
  status: text("status", { enum: updateStatuses }).notNull().default("draft"),
  recipients: integer("recipients").notNull().default(0),
  createdBy: text("created_by"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  sentAt: integer("sent_at", { mode: "timestamp_ms" }),
});

/** Organiser settings that override the environment's defaults (e.g. rate limits). */

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    template: text("template").notNull(),
    recipient: text("recipient").notNull(),
    payload: text("payload", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: outboxStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(now),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    // Messages sent together share a key, so a retried batch is the same batch (one Idempotency-Key).
    batchKey: text("batch_key"),
    updateId: integer("update_id").references(() => updates.id),
    // One message per key, ever: an update reaches each signer once even if sending is restarted.
    dedupeKey: text("dedupe_key").unique(),
    // outboxPriorities: personal emails overtake a queued update.
    priority: integer("priority").notNull().default(outboxPriorities.personal),
    // While "sending": until when the claiming worker owns it; a worker that died lets it lapse.
    leaseExpiresAt: integer("lease_expires_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("outbox_due").on(table.status, table.priority, table.nextAttemptAt),
    index("outbox_batch").on(table.batchKey),
    index("outbox_update").on(table.updateId, table.status),
    check("outbox_attempts_non_negative", sql`${table.attempts} >= 0`),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;

/**
 * One row per email a request caused or asked for, shared by every instance: how many signing emails an
 * address received and a client caused lately, and how many sign-in links were asked for. Only keyed hashes
 * (never an address); rows older than two days are pruned by the retention job.
 */
export const mailLedger = sqliteTable(
  "mail_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purpose: text("purpose", { enum: mailLedgerPurposes }).notNull(),
    recipientHash: text("recipient_hash").notNull(),
    // null when no client caused it (an organiser released held signatures).
    clientHash: text("client_hash"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [
    index("mail_ledger_recipient").on(table.purpose, table.recipientHash, table.createdAt),
    index("mail_ledger_client").on(table.purpose, table.clientHash, table.createdAt),
    index("mail_ledger_created").on(table.createdAt),
  ],
);
