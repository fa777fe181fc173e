"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/db/queries/api-keys";
import { recordAudit } from "@/db/queries/audit";
import { adminAction } from "@/server/admin/action";
import { apiKeyIdSchema, apiKeyInputSchema } from "@/server/admin/inputs/partner-inputs";
import { createApiKey } from "@/server/partner-api/keys";

/** Makes a key and shows it once, beside the form; only its hash is kept. */
export const createApiKeyAction = adminAction(apiKeyInputSchema, async (input, { admin }) => {
  const { key, record } = await createApiKey({ ...input, createdBy: admin.email });
  await recordAudit({
    actor: admin.email,
    action: "api-key.create",
    targetType: "api-key",
    targetId: record.id,
    details: {
      name: input.name,
      prefix: record.prefix,
      scopes: input.scopes,
      requestsPerMinute: input.requestsPerMinute,
    },
  });
  revalidatePath("/admin/api-keys");
  return { show: { key, name: input.name } };
});

export const revokeApiKeyAction = adminAction(apiKeyIdSchema, async ({ id }) => {
  const name = await revokeApiKey(id);
  if (name === null) return { errors: { id: "Unknown key: it may have been revoked already." } };
  return {
    redirectTo: "/admin/api-keys?revoked=1",
    audit: { action: "api-key.revoke", targetType: "api-key", targetId: id, details: { name } },
  };
});
