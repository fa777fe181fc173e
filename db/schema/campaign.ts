import { sql } from "drizzle-orm";
// Relative imports: drizzle-kit loads the schema without the project's path aliases.
import { locales, type Locale } from "../../lib/i18n/locales";
import {
  confirmers,
  displayChoices,
  documentKinds,
  documentOutcomes,
  documentStatuses,
  reviewReasons,
  signatureStates,
} from "../../lib/vocabulary";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

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
  // When the scheduled job closes it (server/jobs/campaign-schedule.ts); null: organisers close it by hand.
  closesAt: integer("closes_at", { mode: "timestamp_ms" }),
  // The site's languages the campaign is published in; English, the text every other falls back to, always.
  languages: text("languages", { mode: "json" }).notNull().$type<Locale[]>().default(["en", "ru"]),
  outcome: text("outcome", { enum: documentOutcomes }),
  // The sites that may frame the embed pages, origins separated by spaces; null means any site may.
  embedOrigins: text("embed_origins"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
});

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

/** Addresses a document had before its slug changed: they answer a permanent redirect to the current one. */
export const documentSlugs = sqliteTable(
  "document_slugs",
  {
    slug: text("slug").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [index("document_slugs_document").on(table.documentId)],
);

/** The addressee's answer to a campaign, as the organisers recorded it (one per document). */
export const documentResponses = sqliteTable(
  "document_responses",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    respondedAt: integer("responded_at", { mode: "timestamp_ms" }).notNull(),
    text: text("text").notNull(),
    sourceUrl: text("source_url"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.documentId] })],
);

export type FaqItem = { question: string; answer: string };

/** A campaign's questions and answers in one language; without them the page shows the site's general ones. */
export const documentFaqs = sqliteTable(
  "document_faqs",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: locales }).notNull(),
    items: text("items", { mode: "json" }).notNull().$type<FaqItem[]>(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.locale] })],
);

/** Each milestone a document reached, once: the key is what makes its organisers' email go out once. */
export const documentMilestones = sqliteTable(
  "document_milestones",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    threshold: integer("threshold").notNull(),
    reachedAt: integer("reached_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.threshold] })],
);

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull().$type<unknown>(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const signatures = sqliteTable(
  "signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
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
    // Part of the private link's MAC: raising it voids every link sent before (the signer asked for a new one).
    manageLinkVersion: integer("manage_link_version").notNull().default(1),
    // Where the signer came from: a campaign link's ?source=, "embed:<origin>" for embeds (lib/forms/signature-source.ts).
    source: text("source"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    // "partner": recorded through an API key whose holder confirmed the address itself; no email was sent.
    confirmedBy: text("confirmed_by", { enum: confirmers }),
  },
  (table) => [
    uniqueIndex("signatures_document_email_key").on(table.documentId, table.emailKey),
    index("signatures_document_state_confirmed").on(table.documentId, table.state, table.confirmedAt),
    // Covers the count by country on each public page (re-rendered every few seconds), without reading rows.
    index("signatures_document_state_country").on(table.documentId, table.state, table.country),
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

export type Document = typeof documents.$inferSelect;
export type DocumentText = typeof documentTexts.$inferSelect;
export type Signature = typeof signatures.$inferSelect;
export type DocumentResponse = typeof documentResponses.$inferSelect;
