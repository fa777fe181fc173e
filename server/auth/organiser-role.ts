import "server-only";
import { findOrganiser } from "@/db/queries/organisers";
import { isAdminEmail } from "@/lib/security/admins";
import { organiserRoles, type OrganiserRole } from "@/lib/vocabulary";

export type RoleGrant = { role: OrganiserRole; bootstrap: boolean };

/**
 * What an address may do on the organisers' pages, read afresh each time: an owner by ADMIN_EMAILS
 * (bootstrap), else the role of its row in the organisers table, else nothing. Removing or demoting
 * someone therefore takes effect on their very next request.
 */
export async function roleOfAddress(email: string | null | undefined): Promise<RoleGrant | null> {
  if (!email) return null;
  if (isAdminEmail(email)) return { role: "owner", bootstrap: true };
  const organiser = await findOrganiser(email);
  return organiser ? { role: organiser.role, bootstrap: false } : null;
}

/** Whether `role` may do what `needed` may (owner ⊃ organiser ⊃ moderator). */
export const roleAtLeast = (role: OrganiserRole, needed: OrganiserRole) =>
  organiserRoles.indexOf(role) >= organiserRoles.indexOf(needed);
