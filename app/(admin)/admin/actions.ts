"use server";

import { z } from "zod";
import { signOut } from "@/auth";
import { adminAction } from "@/server/admin/action";

export const signOutAction = adminAction(z.object({}), async () => {
  await signOut({ redirectTo: "/sign-in" }); // ends the session and redirects
  return { redirectTo: "/sign-in" };
});
