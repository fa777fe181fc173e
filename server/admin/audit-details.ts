import "server-only";

// Free-text terms an organiser types to find people: a name, part of an address, an email domain.
const PERSONAL_TERMS = new Set(["q", "nameContains", "domain"]);

/**
 * A search or filter as the audit log keeps it: that a personal term was used, never the term itself,
 * which would keep a signer's name or address in an append-only log. Other criteria (document, state,
 * dates, country, address hash) stay as they are.
 */
export function withoutPersonalTerms(criteria: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(criteria)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, PERSONAL_TERMS.has(key) ? "(given)" : value]),
  );
}
