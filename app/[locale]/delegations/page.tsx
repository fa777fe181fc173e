import { redirect } from "next/navigation";
import { getFeaturedDelegation } from "@/db/queries/delegations";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";

// Served from the page cache, rendered again at most every 5 seconds and never served older than 10
// (lib/cached-pages.ts, docs/caching-and-csp.md). It reads nothing from the request.
export const revalidate = 5;

/** The header's "delegation" link: the campaign's (first) delegation. */
export default async function DelegationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const delegation = await getFeaturedDelegation();
  redirect(localePath(locale, delegation ? `/delegations/${delegation.slug}` : "/"));
}
