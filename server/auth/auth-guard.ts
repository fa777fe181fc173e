import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { isAdminEmail } from "@/lib/security/admins";

export type Admin = { email: string };

/** The signed-in organiser, re-checked against ADMIN_EMAILS on every request, or null. */
async function getAdmin(): Promise<Admin | null> {
  const session = await auth();
  const email = session?.user?.email;
  return email && isAdminEmail(email) ? { email: email.toLowerCase() } : null;
}

/** For admin pages and server actions: proxy.ts is only a first gate, each of them checks again. */
export async function requireAdmin(): Promise<Admin> {
  const admin = await getAdmin();
  if (!admin) redirect("/sign-in");
  return admin;
}

/** For admin route handlers: the organiser, or the 401 response to send instead. */
export async function adminOrUnauthorized(): Promise<Admin | Response> {
  const admin = await getAdmin();
  return (
    admin ??
    Response.json(
      { error: "Sign in as an organiser to use this." },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    )
  );
}
