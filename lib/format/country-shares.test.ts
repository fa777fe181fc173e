import { describe, expect, it } from "vitest";
import { countryShares } from "./country-shares";

describe("countryShares", () => {
  it("names the largest countries, most first, and counts the rest as other", () => {
    const counts = [
      { country: "DE", signatures: 5 },
      { country: "FR", signatures: 12 },
      { country: "MX", signatures: 3 },
      { country: "RU", signatures: 40 },
    ];
    expect(countryShares(counts, { most: 2 })).toEqual({
      countries: [
        { code: "RU", signatures: 40 },
        { code: "FR", signatures: 12 },
      ],
      other: 8,
      total: 60,
    });
  });

  it("never names a country with fewer than three signatures", () => {
    const shares = countryShares([
      { country: "IS", signatures: 1 },
      { country: "NO", signatures: 2 },
      { country: "SE", signatures: 3 },
    ]);
    expect(shares.countries).toEqual([{ code: "SE", signatures: 3 }]);
    expect(shares.other).toBe(3);
  });

  it("has nothing to show without signatures", () => {
    expect(countryShares([])).toEqual({ countries: [], other: 0, total: 0 });
  });
});
