import { describe, expect, it } from "vitest";
import { nextMilestone } from "./milestones";

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
