"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { revokeSession } from "@/db/queries/admin-sessions";
import { recordAudit } from "@/db/queries/audit";
import { requireAdmin } from "@/server/auth/auth-guard";

export async function revokeSessionAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = z.string().regex(/^[0-9a-f]{24}$/).safeParse(form.get("id"));
  if (id.success) {
    const owner = await revokeSession(id.data);
    if (owner !== null) await recordAudit({ actor: admin.email, action: "admin.session-revoke", details: { owner } });
  }
  redirect("/admin/sessions");
}
