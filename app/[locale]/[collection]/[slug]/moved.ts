import { notFound, permanentRedirect } from "next/navigation";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/locales";
import { findMovedDocument } from "@/server/public/public-pages";

/**
 * For a document page (or its `/sent`, `/thanks`) at an address the campaign had before its slug changed:
 * 308 to the same page where it is now; otherwise "not found".
 */
export async function redirectIfMoved(collection: string, slug: string, locale: Locale, page = ""): Promise<never> {
  const moved = await findMovedDocument(collection, slug);
  if (moved) permanentRedirect(localePath(locale, `${moved}${page}`));
  notFound();
}
