import { revalidatePath } from "next/cache";

/** After an organiser changes content or counts, the cached public pages and count endpoint refresh now. */
export function refreshPublicDocuments(): void {
  revalidatePath("/[locale]/[collection]/[slug]", "page");
  revalidatePath("/[locale]/delegations/[slug]", "page");
  revalidatePath("/api/[collection]/[slug]", "page");
}
