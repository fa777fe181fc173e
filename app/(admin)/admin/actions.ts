"use server";

import { z } from "zod";
import { signOut } from "@/auth";
import { roleAction } from "@/server/admin/action";

// Everyone with a role may sign out, moderators included.
export const signOutAction = roleAction("moderator", z.object({}), async () => {
  await signOut({ redirectTo: "/sign-in" }); // ends the session and redirects
  return { redirectTo: "/sign-in" };
});
