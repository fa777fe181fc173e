import { pgTable, text } from "drizzle-orm/pg-core";
import { organiserRoles } from "@/lib/vocabulary";
import { nowMs, timestampMs } from "./columns";

/** The people invited to the organisers' pages, with their role (see the SQLite twin). */
export const organisers = pgTable("organisers", {
  email: text("email").primaryKey(),
  role: text("role", { enum: organiserRoles }).notNull(),
  invitedBy: text("invited_by").notNull(),
  createdAt: timestampMs("created_at").notNull().default(nowMs),
  lastSignInAt: timestampMs("last_sign_in_at"),
});
