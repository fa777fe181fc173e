import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { locales } from "@/lib/i18n/locales";
import {
  confirmers,
  displayChoices,
  documentKinds,
  documentOutcomes,
  documentStatuses,
  reviewReasons,
  signatureStates,
} from "@/lib/vocabulary";
import type { Author, FaqItem } from "@/db/schema/campaign";
import type { Locale } from "@/lib/i18n/locales";
import { jsonValue, nowMs, timestampMs } from "./columns";

// The PostgreSQL twins of db/schema/campaign.ts. (drizzle-kit 0.31 loads schemas through tsx, which
// resolves the @/ paths of tsconfig.json.)
export const documents = pgTable("documents", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  slug: text("slug").notNull().unique(),
  kind: text("kind", { enum: documentKinds }).notNull(),
  currentVersion: integer("current_version").notNull().default(1),
  goal: integer("goal").notNull(),
  status: text("status", { enum: documentStatuses }).notNull().default("draft"),
  signatureCount: integer("signature_count").notNull().default(0),
  closedAt: timestampMs("closed_at"),
  closesAt: timestampMs("closes_at"),
  languages: jsonValue("languages").notNull().$type<Locale[]>().default(["en", "ru"]),
  outcome: text("outcome", { enum: documentOutcomes }),
  embedOrigins: text("embed_origins"),
  createdAt: timestampMs("created_at").notNull().default(nowMs),
  updatedAt: timestampMs("updated_at").notNull().default(nowMs),
});

export const documentTexts = pgTable(
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
    authors: jsonValue("authors").notNull().$type<Author[]>().default([]),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.version, table.locale] })],
);

export const documentSlugs = pgTable(
  "document_slugs",
  {
    slug: text("slug").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
  },
  (table) => [index("document_slugs_document").on(table.documentId)],
);

export const documentResponses = pgTable(
  "document_responses",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    respondedAt: timestampMs("responded_at").notNull(),
    text: text("text").notNull(),
    sourceUrl: text("source_url"),
    updatedAt: timestampMs("updated_at").notNull().default(nowMs),
  },
  (table) => [primaryKey({ columns: [table.documentId] })],
);

export const documentFaqs = pgTable(
  "document_faqs",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: locales }).notNull(),
    items: jsonValue("items").notNull().$type<FaqItem[]>(),
    updatedAt: timestampMs("updated_at").notNull().default(nowMs),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.locale] })],
);

export const documentMilestones = pgTable(
  "document_milestones",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    threshold: integer("threshold").notNull(),
    reachedAt: timestampMs("reached_at").notNull().default(nowMs),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.threshold] })],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonValue("value").notNull().$type<unknown>(),
  updatedAt: timestampMs("updated_at").notNull().default(nowMs),
});

export const signatures = pgTable(
  "signatures",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
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
    updates: boolean("updates").notNull().default(false),
    organisation: text("organisation"),
    role: text("role"),
    locale: text("locale", { enum: locales }).notNull().default("en"),
    documentVersion: integer("document_version").notNull().default(1),
    state: text("state", { enum: signatureStates }).notNull().default("pending"),
    reviewReason: text("review_reason", { enum: reviewReasons }),
    ipHash: text("ip_hash"),
    anonymisedAt: timestampMs("anonymised_at"),
    emailsSent: integer("emails_sent").notNull().default(0),
    // Part of the private link's MAC: raising it voids every link sent before (the signer asked for a new one).
    manageLinkVersion: integer("manage_link_version").notNull().default(1),
    source: text("source"),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
    confirmedAt: timestampMs("confirmed_at"),
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

export const confirmationTokens = pgTable(
  "confirmation_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    signatureId: integer("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    expiresAt: timestampMs("expires_at").notNull(),
  },
  (table) => [index("confirmation_tokens_signature").on(table.signatureId)],
);
