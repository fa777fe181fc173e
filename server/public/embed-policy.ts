import "server-only";
import { getEmbedOrigins } from "@/db/queries/documents";
import { kindOfCollection } from "@/lib/collections";
import { embedFrameAncestors } from "@/lib/security/embed-origins";

/** How long an instance keeps a campaign's allow-list: an organiser's change applies within this. */
const KEEP_MS = 5_000;
const MAX_ENTRIES = 2_000;
const kept = new Map<string, { ancestors: string; until: number }>();

/**
 * The `frame-ancestors` sources for a campaign's embed pages (proxy.ts asks for every embed request),
 * read from the database at most every 5 s per campaign, so a partner's readers cost it nothing.
 */
export async function embedFrameAncestorsFor(collection: string, slug: string, now = Date.now()): Promise<string> {
  const kind = kindOfCollection(collection);
  if (!kind || !/^[a-z0-9-]{1,100}$/.test(slug)) return "'none'";
  const key = `${kind}/${slug}`;
  const hit = kept.get(key);
  if (hit && hit.until > now) return hit.ancestors;
  const ancestors = embedFrameAncestors(await getEmbedOrigins(kind, slug));
  if (kept.size >= MAX_ENTRIES) kept.clear();
  kept.set(key, { ancestors, until: now + KEEP_MS });
  return ancestors;
}

/** Forgets what this instance kept (an organiser changed a list here; other instances follow within 5 s). */
export function forgetEmbedPolicies(): void {
  kept.clear();
}
