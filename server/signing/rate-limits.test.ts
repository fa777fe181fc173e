import { afterEach, describe, expect, it, vi } from "vitest";
import { saveSetting } from "@/db/queries/settings";
import { currentRateLimits, rateLimitsInForce, rateLimitsSchema, saveRateLimits } from "./rate-limits";

afterEach(async () => {
  await saveRateLimits(null);
});

describe("rate limits in force", () => {
  it("are the environment's until organisers save their own, and again after a reset", async () => {
    expect(await rateLimitsInForce()).toEqual({
      limits: { burst: { count: 5, seconds: 60 }, sustained: { count: 20, seconds: 300 } },
      source: "environment",
      enabled: true,
    });
    const mine = { burst: { count: 2, seconds: 3600 }, sustained: { count: 3, seconds: 86_400 } };
    await saveRateLimits(mine);
    expect(await currentRateLimits()).toEqual(mine);
    expect((await rateLimitsInForce()).source).toBe("organisers");
    await saveRateLimits(null);
    expect(await currentRateLimits()).toEqual({
      burst: { count: 5, seconds: 60 },
      sustained: { count: 20, seconds: 300 },
    });
  });

  it("reach this instance within 5 s when another instance on the database saved them", async () => {
    const start = Date.now();
    const now = vi.spyOn(Date, "now").mockReturnValue(start);
    try {
      expect((await rateLimitsInForce()).source).toBe("environment");
      const theirs = { burst: { count: 7, seconds: 60 }, sustained: { count: 9, seconds: 600 } };
      await saveSetting("rate-limits", theirs); // the other instance's save: this one's cache is not told
      now.mockReturnValue(start + 4_000);
      expect((await rateLimitsInForce()).source).toBe("environment");
      now.mockReturnValue(start + 5_001);
      expect(await currentRateLimits()).toEqual(theirs);
    } finally {
      now.mockRestore();
    }
  });

  it("explains what is wrong with a limit", () => {
    const result = rateLimitsSchema.safeParse({
      burst: { count: "0", seconds: "1.5" },
      sustained: { count: undefined, seconds: "999999999" },
    });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]))).toEqual({
      "burst.count": "At least 1.",
      "burst.seconds": "Enter a whole number.",
      "sustained.count": "Enter a number.",
      "sustained.seconds": "At most a week (604,800 seconds).",
    });
  });

  it("are none at all with RATE_LIMITS=off, whatever is saved", async () => {
    vi.resetModules();
    vi.stubEnv("RATE_LIMITS", "off");
    (globalThis as { __delegationRateLimits?: object }).__delegationRateLimits = {};
    try {
      const fresh = await import("./rate-limits");
      await fresh.saveRateLimits({ burst: { count: 1, seconds: 60 }, sustained: { count: 1, seconds: 60 } });
      expect(await fresh.currentRateLimits()).toBeNull();
      expect(await fresh.rateLimitsInForce()).toMatchObject({ enabled: false, source: "organisers" });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
      (globalThis as { __delegationRateLimits?: object }).__delegationRateLimits = {};
    }
  });
});
