"use server";

import { signOut } from "@/auth";
import { requireAdmin } from "@/server/auth/auth-guard";

export async function signOutAction(): Promise<void> {
  await requireAdmin();
  await signOut({ redirectTo: "/sign-in" });
}
