// Relative imports: next.config.ts loads this file, and its loader resolves "@/" only in the config itself.
import { collections, kindOfCollection } from "./collections";
import { locales } from "./i18n/locales";
import { localePath, withoutLocale } from "./i18n/paths";

/**
 * The public pages that hold nothing personal and are served from Next's page cache (and may be kept by a
 * CDN): home, a petition or letter, the delegations index and a delegation, privacy, about; in every language.
 * Every other page renders per request with its own CSP nonce and is never stored.
 */
export function isCachedPublicPage(pathname: string): boolean {
  const [section, slug, ...rest] = withoutLocale(pathname).split("/").filter(Boolean);
  if (section === undefined) return true; // a home page
  if (rest.length > 0) return false;
  if (kindOfCollection(section)) return slug !== undefined;
  return section === "delegations" || ((section === "privacy" || section === "about") && slug === undefined);
}

/** The cached pages' English (unprefixed) addresses, as next.config.ts's `headers()` and `redirects()` take them. */
export const ENGLISH_CACHED_PAGE_SOURCES = [
  "/",
  `/:collection(${collections.join("|")})/:slug`,
  "/delegations",
  "/delegations/:slug",
  "/privacy",
];

/** The cached pages' addresses in every language (English unprefixed, the others under /{locale}). */
export function cachedPageSources(): string[] {
  return locales.flatMap((locale) => ENGLISH_CACHED_PAGE_SOURCES.map((source) => localePath(locale, source)));
}

/**
 * The longest a cached page (or the count endpoint) is ever served stale. The pages are rendered again in
 * the background once 5 seconds old (their `revalidate`, a literal in each page for Next to read); beyond
 * this Next renders afresh before answering, so a new confirmation shows on the next load within 10 s. A
 * CDN gets `s-maxage=5, stale-while-revalidate=5` and so never serves a count older than about 20 s.
 */
export const PAGE_EXPIRE_SECONDS = 10;

/** What cached pages send: shared caches may keep them 5 s, and serve them stale 5 s more while refreshing. */
export const CACHED_PAGE_CACHE_CONTROL = `public, s-maxage=5, stale-while-revalidate=${PAGE_EXPIRE_SECONDS - 5}`;

/** What the count endpoint and the counter widgets send: 2 s fresh (their `revalidate`), then stale up to 10 s. */
export const COUNT_CACHE_CONTROL = `public, s-maxage=2, stale-while-revalidate=${PAGE_EXPIRE_SECONDS - 2}`;

/** An embed page's campaign ("/embed/{collection}/{slug}[/sent|/counter]" in any language), or null. */
export function embedPageOf(pathname: string): { collection: string; slug: string; counter: boolean } | null {
  const match = /^\/embed\/([^/]+)\/([^/]+)(\/sent|\/counter)?\/?$/.exec(withoutLocale(pathname));
  return match && { collection: match[1], slug: match[2], counter: match[3] === "/counter" };
}
