import { redirect } from "next/navigation";
import { getFeaturedDelegation } from "@/db/queries/delegations";
import { requireAdmin } from "@/server/auth/auth-guard";

/** The old address of the one delegation's page: now its first delegation's page. */
export default async function OldDelegationAdminPage() {
  await requireAdmin();
  const delegation = await getFeaturedDelegation();
  redirect(delegation ? `/admin/delegations/${delegation.slug}` : "/admin/delegations");
}
