import { describe, expect, it } from "vitest";
import { combineLoads, type LoadResult } from "./load";

const result = (total: number, seconds: number, p99: number, statuses: [number, number][]): LoadResult => ({
  requestsPerSecond: total / seconds,
  p50: p99 / 2,
  p99,
  total,
  errors: 0,
  timeouts: 1,
  statuses: new Map(statuses),
});

// `npm run bench -- --databases` gives each setup several turns and reports them as one load.
describe("loads of several rounds combined", () => {
  it("counts every request over the time of all rounds, not the mean of their rates", () => {
    const combined = combineLoads([
      result(100, 10, 80, [[202, 100]]),
      result(300, 5, 40, [
        [202, 299],
        [500, 1],
      ]),
    ]);
    expect(combined.total).toBe(400);
    expect(combined.requestsPerSecond).toBeCloseTo(400 / 15);
    expect(combined.statuses).toEqual(
      new Map([
        [202, 399],
        [500, 1],
      ]),
    );
    expect(combined.timeouts).toBe(2);
  });

  it("keeps the worst round's latency", () => {
    expect(combineLoads([result(10, 1, 80, []), result(10, 1, 250, [])]).p99).toBe(250);
  });
});
