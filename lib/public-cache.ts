import { revalidatePath } from "next/cache";

/** After an organiser changes content or counts, the cached public pages and count endpoint refresh now. */
export function refreshPublicDocuments(): void {
  revalidatePath("/(public)/[collection]/[slug]", "page"); // route patterns name their route group
  revalidatePath("/api/[collection]/[slug]", "page");
}
