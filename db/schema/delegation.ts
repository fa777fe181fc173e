import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { locales } from "../../lib/i18n/locales";
import { documents, now, type Translated } from "./campaign";

// The delegation that carries the documents: its story, members, dispatches, dossiers and deliveries.
export const delegations = sqliteTable("delegations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  texts: text("texts", { mode: "json" })
    .notNull()
    .$type<Translated<{ title: string; summary: string; body: string }>>(),
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
    // Characters no embedded font has (printed as U+FFFD), and the first signatures they are in, for the organiser.
    missingGlyphs: integer("missing_glyphs").notNull().default(0),
    missingGlyphNames: text("missing_glyph_names", { mode: "json" }).notNull().$type<string[]>().default([]),
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

export type Delegation = typeof delegations.$inferSelect;
