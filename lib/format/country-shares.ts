/** Countries named on a public chart, most signatures first; the rest are counted together as "other". */
export type CountryShares = { countries: { code: string; signatures: number }[]; other: number; total: number };

/** A country needs at least this many signatures to be named: one or two could point at a person. */
export const FEWEST_NAMED = 3;
/** More bars than this stop being readable on a phone. */
const MOST_NAMED = 8;

/**
 * Shares for the chart from counts by country (any order). Countries with fewer than `fewest` signatures
 * and those beyond the `most` largest go into `other`: counts alone are not personal, but a country with a
 * single signer, beside the list of recent signers, could tell who signed without showing a name.
 */
export function countryShares(
  counts: readonly { country: string; signatures: number }[],
  { fewest = FEWEST_NAMED, most = MOST_NAMED } = {},
): CountryShares {
  const sorted = [...counts].sort((a, b) => b.signatures - a.signatures || a.country.localeCompare(b.country));
  const named = sorted.filter((row) => row.signatures >= fewest).slice(0, most);
  const total = sorted.reduce((sum, row) => sum + row.signatures, 0);
  const namedTotal = named.reduce((sum, row) => sum + row.signatures, 0);
  return {
    countries: named.map((row) => ({ code: row.country, signatures: row.signatures })),
    other: total - namedTotal,
    total,
  };
}
