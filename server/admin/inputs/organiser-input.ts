import "server-only";
import { z } from "zod";
import { organiserRoles } from "@/lib/vocabulary";
import { organiserEmail } from "./organisation-input";

const role = z.enum(organiserRoles, { error: "Choose owner, organiser or moderator." });
const existing = z
  .string({ error: "Unknown organiser." })
  .trim()
  .min(1, "Unknown organiser.")
  .max(254, "Unknown organiser.")
  .transform((email) => email.toLowerCase());

export const inviteInputSchema = z.object({
  email: organiserEmail("The address").transform((email) => email.toLowerCase()),
  role,
});
export const roleChangeInputSchema = z.object({ email: existing, role });
export const removalInputSchema = z.object({ email: existing });
