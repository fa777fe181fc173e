// Relative imports: next.config.ts loads this file, and its loader resolves "@/" only in the config itself.
import { locales } from "./locales";

/** Matches a language tag ("ru", "ru-RU", "RU") and not a longer word that starts with it ("rue"). */
const tag = (language: string) =>
  `${[...language].map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join("")}(?![A-Za-z])`;
const ours = `(?:${locales.map(tag).join("|")})`;
// "q=0" (or "q=0.000") says "not this language".
const refused = ";[ \\t]*[qQ]=0(?:\\.0*)?[ \\t]*(?=,|$)";

/**
 * A regular expression (as next.config's `has` takes it: Next anchors it) for an Accept-Language header
 * whose first language that the site has, and that it does not refuse with q=0, is `language`. Browsers
 * list their languages best first, so the first of ours is the one the reader prefers.
 */
export function prefersLanguagePattern(language: string): string {
  const skipped = `(?![ \\t]*${ours})[^,]*|[ \\t]*${ours}[^,;]*${refused}`;
  const wanted = `(?![ \\t]*${tag(language)}[^,;]*${refused})[ \\t]*${tag(language)}[^,]*`;
  return `(?:(?:${skipped}),)*${wanted}(?:,.*)?`;
}

const patterns = locales.map((language) => ({
  language,
  pattern: new RegExp(`^(?:${prefersLanguagePattern(language)})$`),
}));

/** The language of ours that the Accept-Language header puts first, if any. */
export function preferredLanguage(header: string | null): string | null {
  if (!header) return null;
  return patterns.find(({ pattern }) => pattern.test(header))?.language ?? null;
}
