import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { locales } from "@/lib/i18n/locales";
import type { Translated } from "@/db/schema/campaign";
import { dossierStatuses } from "@/db/schema/delegation";
import { documents } from "./campaign";
import { jsonValue, nowMs, timestampMs } from "./columns";

// The PostgreSQL twins of db/schema/delegation.ts.
export const delegations = pgTable("delegations", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  slug: text("slug").notNull().unique(),
  texts: jsonValue("texts").notNull().$type<Translated<{ title: string; summary: string; body: string }>>(),
});

export const delegationDocuments = pgTable(
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

export const delegationMembers = pgTable(
  "delegation_members",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    delegationId: integer("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    texts: jsonValue("texts").notNull().$type<Translated<{ role: string; bio: string }>>(),
  },
  (table) => [index("delegation_members_delegation").on(table.delegationId, table.position)],
);

export const dispatches = pgTable(
  "dispatches",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    delegationId: integer("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    dated: text("dated").notNull(),
    texts: jsonValue("texts").notNull().$type<Translated<{ title: string; body: string }>>(),
    author: text("author"),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
  },
  (table) => [index("dispatches_delegation_dated").on(table.delegationId, table.dated)],
);

export const dossiers = pgTable(
  "dossiers",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    locale: text("locale", { enum: locales }).notNull(),
    status: text("status", { enum: dossierStatuses }).notNull().default("generating"),
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    fileName: text("file_name").notNull(),
    sha256: text("sha256"),
    // A file's size, which may pass 2 GiB: bigint, read as a number.
    bytes: bigint("bytes", { mode: "number" }),
    pages: integer("pages"),
    // Characters no embedded font has (printed as U+FFFD), and the first signatures they are in, for the organiser.
    missingGlyphs: integer("missing_glyphs").notNull().default(0),
    missingGlyphNames: jsonValue("missing_glyph_names").notNull().$type<string[]>().default([]),
    error: text("error"),
    requestedBy: text("requested_by"),
    frozenAt: timestampMs("frozen_at"),
    createdAt: timestampMs("created_at").notNull().default(nowMs),
    finishedAt: timestampMs("finished_at"),
  },
  (table) => [index("dossiers_document").on(table.documentId, table.id)],
);

export const deliveries = pgTable("deliveries", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  delegationId: integer("delegation_id")
    .notNull()
    .references(() => delegations.id),
  deliveredOn: text("delivered_on").notNull(),
  place: text("place").notNull(),
  recipient: text("recipient").notNull(),
  recordedBy: text("recorded_by"),
  createdAt: timestampMs("created_at").notNull().default(nowMs),
});

export const deliveryItems = pgTable(
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
