import { redirect } from "next/navigation";
import { getFeaturedDelegation } from "@/db/queries/delegations";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";

// Never cached: it reads live data on every request.
export const dynamic = "force-dynamic";

/** The header's "delegation" link: the campaign's (first) delegation. */
export default async function DelegationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const delegation = await getFeaturedDelegation();
  redirect(localePath(locale, delegation ? `/delegations/${delegation.slug}` : "/"));
}
