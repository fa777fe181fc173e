import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { jsonValue, nowMs, timestampMs } from "./columns";

/** Who did what, when. Append-only: triggers in the migration refuse UPDATE, TRUNCATE and early DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: timestampMs("at").notNull().default(nowMs),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonValue("details").$type<Record<string, unknown>>(),
  },
  (table) => [index("audit_log_at").on(table.at), index("audit_log_target").on(table.targetType, table.targetId)],
);
