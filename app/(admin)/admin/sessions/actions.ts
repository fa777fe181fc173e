"use server";

import { z } from "zod";
import { revokeSession } from "@/db/queries/admin-sessions";
import { adminAction } from "@/server/admin/action";

const UNKNOWN = "Unknown session: it may have ended already.";
const sessionSchema = z.object({ id: z.string({ error: UNKNOWN }).regex(/^[0-9a-f]{24}$/, UNKNOWN) });

export const revokeSessionAction = adminAction(sessionSchema, async ({ id }) => {
  const owner = await revokeSession(id);
  if (owner === null) return { errors: { id: UNKNOWN } };
  return { redirectTo: "/admin/sessions", audit: { action: "admin.session-revoke", details: { owner } } };
});
