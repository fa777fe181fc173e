// Relative imports: drizzle-kit loads the schema without the project's path aliases.
import { organiserRoles } from "../../lib/vocabulary";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { now } from "./campaign";

/**
 * The people invited to the organisers' pages, with their role. The bootstrap owners (ADMIN_EMAILS) need
 * no row: they are owners by configuration. An invitation is a row whose address has not signed in yet.
 */
export const organisers = sqliteTable("organisers", {
  // Trimmed and lower-cased, as ADMIN_EMAILS and Auth.js compare addresses: one person is one row.
  email: text("email").primaryKey(),
  role: text("role", { enum: organiserRoles }).notNull(),
  invitedBy: text("invited_by").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  // The latest sign-in; null while the invitation is not yet accepted.
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
});
