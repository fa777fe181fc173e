import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { documents } from "./campaign";
import { timestampMs } from "./columns";

// The PostgreSQL twin of db/schema/form-stamps.ts: when a signing form was first used, for the bot check.
export const formStamps = pgTable(
  "form_stamps",
  {
    id: text("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    issuedAt: timestampMs("issued_at").notNull(),
  },
  (table) => [index("form_stamps_issued_at").on(table.issuedAt)],
);
