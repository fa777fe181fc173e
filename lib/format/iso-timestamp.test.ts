import { describe, expect, it } from "vitest";
import { isoTimestamp } from "./iso-timestamp";

const same = (ms: number) => expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());

describe("isoTimestamp", () => {
  it("writes what toISOString writes", () => {
    expect(isoTimestamp(Date.UTC(2026, 10, 27, 23, 5, 9, 42))).toBe("2026-11-27T23:05:09.042Z");
  });

  it.each([
    ["the epoch", 0],
    ["the last moment before a leap day", Date.UTC(2024, 1, 28, 23, 59, 59, 999)],
    ["a leap day", Date.UTC(2024, 1, 29, 12)],
    ["1 March after a leap day", Date.UTC(2024, 2, 1)],
    ["29 February 2000 (a leap century)", Date.UTC(2000, 1, 29)],
    ["1 March 2100 (a century without a leap day)", Date.UTC(2100, 2, 1)],
    ["New Year's Eve", Date.UTC(2025, 11, 31, 23, 59, 59, 999)],
    ["the last moment of year 9999", Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
  ])("agrees with toISOString on %s", (_, ms) => same(ms));

  it.each([
    ["before the epoch", Date.UTC(1969, 11, 31, 23, 59, 59, 999)],
    ["from year 10000 on", Date.UTC(10000, 0, 1)],
    ["a fraction of a millisecond", 1.5],
  ])("falls back to toISOString %s", (_, ms) => same(ms));

  it("agrees with toISOString on 100,000 moments spread over years 1970 to 9999", () => {
    let seed = 1;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 100_000; i++) same(Math.floor(next() * Date.UTC(10000, 0, 1)));
  });

  it("throws on an invalid time, as toISOString does", () => {
    expect(() => isoTimestamp(Number.NaN)).toThrow(RangeError);
  });
});
