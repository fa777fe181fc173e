// Relative imports: next.config.ts loads this file, and its loader resolves "@/" only in the config itself.
import { collections, kindOfCollection } from "./collections";
import { locales } from "./i18n/locales";
import { withoutLocale } from "./i18n/paths";

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

// next.config.ts's rules take these as one `source` each, written with unnamed groups only: for a rule whose
// source has named parameters, Next compiles each header value that holds a ":" (the CSP's "data:") as a
// path template on every request it matches, and every rule is matched against every request, so one
// rule per kind of page rather than one per address.
const PAGE_IN_A_LANGUAGE = `(?:${collections.join("|")})/[^/]+|delegations(?:/[^/]+)?|privacy`;
const OTHER_LANGUAGES = `(?:${locales.filter((locale) => locale !== "en").join("|")})`;

/**
 * The cached pages' English (unprefixed) addresses as one next.config `source`: the home page, a
 * petition or letter, the delegations index and a delegation, privacy.
 */
export const ENGLISH_CACHED_PAGES_SOURCE = `/((?:${PAGE_IN_A_LANGUAGE}))?`;

/** The same pages in every language (English unprefixed, the others under /{locale}), as one `source`. */
export const CACHED_PAGES_SOURCE = `/((?:${OTHER_LANGUAGES}/)?(?:${PAGE_IN_A_LANGUAGE})|${OTHER_LANGUAGES})?`;

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
