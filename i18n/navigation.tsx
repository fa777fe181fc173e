import type { AnchorHTMLAttributes } from "react";
import { getLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string };

/**
 * A link to a page in the language being read. A plain anchor rendered on the server: it sends no script
 * to the browser and never prefetches a page the reader has not asked for.
 */
export async function Link({ href, ...rest }: Props) {
  const locale = toLocale(await getLocale());
  return <a href={localePath(locale, href)} {...rest} />;
}
