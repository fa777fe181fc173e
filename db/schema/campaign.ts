import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const documentKinds = ["petition", "letter"] as const;
export const documentStatuses = ["draft", "open", "closed"] as const;
export const displayChoices = ["full", "initials", "hidden"] as const;
export const signatureStates = ["pending", "confirmed", "rejected", "withdrawn"] as const;
export const outboxStatuses = ["queued", "sending", "sent", "failed"] as const;

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: documentKinds }).notNull(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  body: text("body").notNull(),
  addressee: text("addressee").notNull(),
  goal: integer("goal").notNull(),
  status: text("status", { enum: documentStatuses }).notNull().default("draft"),
  // The confirmed count, kept exact by the confirming transaction.
  signatureCount: integer("signature_count").notNull().default(0),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const delegations = sqliteTable("delegations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  body: text("body").notNull(),
});

export const signatures = sqliteTable(
  "signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => documents.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    country: text("country").notNull(),
    city: text("city"),
    comment: text("comment"),
    display: text("display", { enum: displayChoices }).notNull(),
    updates: integer("updates", { mode: "boolean" }).notNull().default(false),
    state: text("state", { enum: signatureStates }).notNull().default("pending"),
    emailsSent: integer("emails_sent").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("signatures_document_email_key").on(table.documentId, table.emailKey),
    index("signatures_document_state_confirmed").on(table.documentId, table.state, table.confirmedAt),
    index("signatures_state").on(table.state),
    index("signatures_created").on(table.createdAt),
  ],
);

export const confirmationTokens = sqliteTable(
  "confirmation_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    signatureId: integer("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("confirmation_tokens_signature").on(table.signatureId)],
);

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
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("outbox_due").on(table.status, table.nextAttemptAt),
    index("outbox_batch").on(table.batchKey),
    check("outbox_attempts_non_negative", sql`${table.attempts} >= 0`),
  ],
);

export type Document = typeof documents.$inferSelect;
export type Signature = typeof signatures.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type DisplayChoice = (typeof displayChoices)[number];
export type DocumentKind = (typeof documentKinds)[number];
