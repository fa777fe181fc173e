import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const documentKinds = ["petition", "letter"] as const;
export const documentStatuses = ["draft", "open", "closed"] as const;
export const displayChoices = ["full", "initials", "hidden"] as const;
export const locales = ["en", "ru"] as const;
// held: confirmed by email but over a rate limit, waiting for an organiser; flagged: tripped the bot checks.
export const signatureStates = ["pending", "confirmed", "held", "flagged", "rejected", "withdrawn"] as const;
export const reviewReasons = ["honeypot", "too-fast", "burst-limit", "sustained-limit"] as const;
export const outboxStatuses = ["queued", "sending", "sent", "failed"] as const;

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const documents = sqliteTable("documents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: documentKinds }).notNull(),
  // The text signers are shown now; editing a published document adds a version instead of rewriting it.
  currentVersion: integer("current_version").notNull().default(1),
  goal: integer("goal").notNull(),
  status: text("status", { enum: documentStatuses }).notNull().default("draft"),
  // The confirmed count, kept exact by the confirming transaction.
  signatureCount: integer("signature_count").notNull().default(0),
  closedAt: integer("closed_at", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export type Locale = (typeof locales)[number];
export type Author = { name: string; description: string };
/** Per-language texts of a record; English is always present, other languages fall back to it. */
export type Translated<T> = { en: T } & Partial<Record<Exclude<Locale, "en">, T>>;

export const documentTexts = sqliteTable(
  "document_texts",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    locale: text("locale", { enum: locales }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    addressee: text("addressee").notNull(),
    // A letter's authors, shown before its co-signers.
    authors: text("authors", { mode: "json" }).notNull().$type<Author[]>().default([]),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.version, table.locale] })],
);

export const delegations = sqliteTable("delegations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  texts: text("texts", { mode: "json" }).notNull().$type<Translated<{ title: string; summary: string; body: string }>>(),
});

export const delegationDocuments = sqliteTable(
  "delegation_documents",
  {
    delegationId: integer("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.delegationId, table.documentId] })],
);

export const delegationMembers = sqliteTable(
  "delegation_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    delegationId: integer("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    texts: text("texts", { mode: "json" }).notNull().$type<Translated<{ role: string; bio: string }>>(),
  },
  (table) => [index("delegation_members_delegation").on(table.delegationId, table.position)],
);

export const dispatches = sqliteTable(
  "dispatches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    delegationId: integer("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    // The day the dispatch speaks of (YYYY-MM-DD), which may be long before it was typed in.
    dated: text("dated").notNull(),
    texts: text("texts", { mode: "json" }).notNull().$type<Translated<{ title: string; body: string }>>(),
    author: text("author"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("dispatches_delegation_dated").on(table.delegationId, table.dated)],
);

export const dossierStatuses = ["generating", "ready", "failed"] as const;

export const dossiers = sqliteTable(
  "dossiers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    locale: text("locale", { enum: locales }).notNull(),
    status: text("status", { enum: dossierStatuses }).notNull().default("generating"),
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    fileName: text("file_name").notNull(),
    sha256: text("sha256"),
    bytes: integer("bytes"),
    pages: integer("pages"),
    error: text("error"),
    requestedBy: text("requested_by"),
    // Set when a delivery records this dossier; a frozen file is never replaced or deleted.
    frozenAt: integer("frozen_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("dossiers_document").on(table.documentId, table.id)],
);

export const deliveries = sqliteTable("deliveries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  delegationId: integer("delegation_id")
    .notNull()
    .references(() => delegations.id),
  deliveredOn: text("delivered_on").notNull(),
  place: text("place").notNull(),
  recipient: text("recipient").notNull(),
  recordedBy: text("recorded_by"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const deliveryItems = sqliteTable(
  "delivery_items",
  {
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => deliveries.id),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    signatureCount: integer("signature_count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.deliveryId, table.documentId] })],
);

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
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull().$type<unknown>(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
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
    organisation: text("organisation"),
    role: text("role"),
    locale: text("locale", { enum: locales }).notNull().default("en"),
    documentVersion: integer("document_version").notNull().default(1),
    state: text("state", { enum: signatureStates }).notNull().default("pending"),
    reviewReason: text("review_reason", { enum: reviewReasons }),
    // HMAC of the client address under a server secret: enough to rate-limit, never the address itself.
    ipHash: text("ip_hash"),
    anonymisedAt: integer("anonymised_at", { mode: "timestamp_ms" }),
    emailsSent: integer("emails_sent").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("signatures_document_email_key").on(table.documentId, table.emailKey),
    index("signatures_document_state_confirmed").on(table.documentId, table.state, table.confirmedAt),
    index("signatures_state").on(table.state),
    index("signatures_created").on(table.createdAt),
    index("signatures_document_ip").on(table.documentId, table.ipHash, table.createdAt),
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
    updateId: integer("update_id").references(() => updates.id),
    // One message per key, ever: an update reaches each signer once even if sending is restarted.
    dedupeKey: text("dedupe_key").unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("outbox_due").on(table.status, table.nextAttemptAt),
    index("outbox_batch").on(table.batchKey),
    index("outbox_update").on(table.updateId, table.status),
    check("outbox_attempts_non_negative", sql`${table.attempts} >= 0`),
  ],
);

export type Document = typeof documents.$inferSelect;
export type DocumentText = typeof documentTexts.$inferSelect;
export type Delegation = typeof delegations.$inferSelect;
export type Signature = typeof signatures.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type DisplayChoice = (typeof displayChoices)[number];
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentStatus = (typeof documentStatuses)[number];
export type SignatureState = (typeof signatureStates)[number];
