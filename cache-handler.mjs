// Next's page, route and data cache, kept in this process's memory only (next.config.ts `cacheHandler`).
// Next's default handler also writes every rendered page under .next/: made-up addresses would leave files
// behind, and a restart onto another database would serve the old one's pages. Here nothing outlives the
// process, the oldest entries go first once MAX_BYTES is reached, and an entry older than its `expire` is
// never returned (Next then renders afresh before answering).

const MAX_BYTES = 64 * 1024 * 1024;
const TAGS_HEADER = "x-next-cache-tags";

/** @type {Map<string, { value: unknown, lastModified: number, cacheControl?: { revalidate: number | false, expire?: number }, tags: string[], bytes: number }>} */
const entries = new Map();
/** When each tag was last revalidated (ms). */
const revalidatedAt = new Map();
let totalBytes = 0;

function sizeOf(value) {
  if (value === null || value === undefined) return 64;
  let bytes = 256;
  for (const part of [value.html, value.rscData, value.body, value.data?.body]) {
    if (typeof part === "string") bytes += part.length * 2;
    else if (part && typeof part.byteLength === "number") bytes += part.byteLength;
  }
  if (value.segmentData instanceof Map)
    for (const segment of value.segmentData.values()) bytes += segment.byteLength ?? 0;
  return bytes;
}

function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" ? header.split(",") : [];
  return [...fromHeader, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

function remove(key) {
  const entry = entries.get(key);
  if (!entry) return;
  totalBytes -= entry.bytes;
  entries.delete(key);
}

export default class MemoryCacheHandler {
  constructor() {}

  async get(key, ctx) {
    const entry = entries.get(key);
    if (!entry) return null;
    const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    const expire = entry.cacheControl?.expire;
    const expired = typeof expire === "number" && Date.now() - entry.lastModified > expire * 1000;
    // Another instance's organiser changed public content (server/public/public-changes.ts notes when).
    const changedElsewhere = entry.lastModified <= (globalThis.__delegationPublicChanges?.changedAt ?? 0);
    if (expired || changedElsewhere || tags.some((tag) => (revalidatedAt.get(tag) ?? 0) >= entry.lastModified)) {
      remove(key);
      return null;
    }
    // Least recently used last: re-insert.
    entries.delete(key);
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx) {
    remove(key);
    if (value === null) return;
    const bytes = sizeOf(value);
    if (bytes > MAX_BYTES / 8) return;
    entries.set(key, {
      value,
      lastModified: Date.now(),
      cacheControl: ctx?.cacheControl,
      tags: tagsOf(value, ctx),
      bytes,
    });
    totalBytes += bytes;
    for (const oldest of entries.keys()) {
      if (totalBytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  async revalidateTag(tags) {
    const now = Date.now();
    // server/public/page-copies.ts sends no copy of a page asked for before this.
    globalThis.__delegationPagesRevalidatedAt = now;
    for (const tag of typeof tags === "string" ? [tags] : tags) revalidatedAt.set(tag, now);
  }

  resetRequestCache() {}
}
