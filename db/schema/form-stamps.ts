import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
// Relative import: drizzle-kit loads the schema without the project's path aliases.
import { documents } from "./campaign";

/**
 * When a signing form was first used, for the bot check: one row per stamp handed out, deleted when a
 * submission uses it (single use) or when it is an hour old. In the database so that every instance
 * behind a load balancer accepts the stamps any of them handed out.
 */
export const formStamps = sqliteTable(
  "form_stamps",
  {
    id: text("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("form_stamps_issued_at").on(table.issuedAt)],
);
