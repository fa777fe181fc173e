import { describe, expect, it } from "vitest";
import { milestoneThresholds, nextMilestone } from "./milestones";

describe("the next milestone shown under a count", () => {
  it("is the first round step above the count", () => {
    expect(nextMilestone(0, 10_000)).toBe(10);
    expect(nextMilestone(5, 10_000)).toBe(10);
    expect(nextMilestone(10, 10_000)).toBe(25);
    expect(nextMilestone(99, 10_000)).toBe(100);
    expect(nextMilestone(2_600, 10_000)).toBe(5_000);
  });

  it("never passes the goal, and is gone once the goal is reached", () => {
    expect(nextMilestone(5_001, 10_000)).toBe(10_000);
    expect(nextMilestone(3, 7)).toBe(7);
    expect(nextMilestone(10_000, 10_000)).toBeNull();
    expect(nextMilestone(12_000, 10_000)).toBeNull();
  });
});

describe("milestone thresholds for organisers' emails", () => {
  it("are the powers of ten from 100 below the goal, half the goal and the goal", () => {
    expect(milestoneThresholds(10_000)).toEqual([100, 1_000, 5_000, 10_000]);
    expect(milestoneThresholds(2_500)).toEqual([100, 1_000, 1_250, 2_500]);
    expect(milestoneThresholds(150)).toEqual([75, 100, 150]);
    expect(milestoneThresholds(1)).toEqual([1]);
    expect(milestoneThresholds(0)).toEqual([100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]);
  });
});
