import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import type { OrganiserRole } from "@/lib/vocabulary";
import { roleAtLeast, roleOfAddress } from "./organiser-role";

export type Admin = { email: string; role: OrganiserRole; bootstrap: boolean };

/** Where a signed-in organiser lands on a page their role does not open. */
const NOT_ALLOWED_PAGE = "/admin/not-allowed";

/** The signed-in person with their role, re-read from ADMIN_EMAILS and the database on every request, or null. */
async function getAdmin(): Promise<Admin | null> {
  const session = await auth();
  const email = session?.user?.email?.toLowerCase();
  const grant = await roleOfAddress(email);
  return email && grant ? { email, ...grant } : null;
}

/**
 * For admin pages and server actions that need at least `needed` ("moderator": moderators and up;
 * "owner": owners only). Anyone signed out goes to sign in; a lower role to a page that says so.
 * proxy.ts is only a first gate, each page and action checks again.
 */
export async function requireRole(needed: OrganiserRole): Promise<Admin> {
  const admin = await getAdmin();
  if (!admin) redirect("/sign-in");
  if (!roleAtLeast(admin.role, needed)) redirect(NOT_ALLOWED_PAGE);
  return admin;
}

/** For admin pages and server actions an organiser may use: organisers and owners. */
export async function requireAdmin(): Promise<Admin> {
  return requireRole("organiser");
}

const refusal = (error: string, status: 401 | 403) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

/** For admin route handlers: the person if their role is at least `needed`, or the 401/403 response to send. */
async function roleOrRefusal(needed: OrganiserRole): Promise<Admin | Response> {
  const admin = await getAdmin();
  if (!admin) return refusal("Sign in as an organiser to use this.", 401);
  return roleAtLeast(admin.role, needed) ? admin : refusal("Your role does not allow this.", 403);
}

/** For admin route handlers an organiser may use: organisers and owners, or the 401/403 response. */
export async function adminOrUnauthorized(): Promise<Admin | Response> {
  return roleOrRefusal("organiser");
}
