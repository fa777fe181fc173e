import { describe, expect, it } from "vitest";
import { releaseJobLease, takeJobLease } from "./job-leases";

const HOUR = 3600_000;

describe("job leases between instances on one database", () => {
  it("lets one holder run a job until its lease lapses, then another", async () => {
    const now = Date.now();
    expect(await takeJobLease("nightly", "instance-a", HOUR, now)).toBe(true);
    expect(await takeJobLease("nightly", "instance-b", HOUR, now + 1000)).toBe(false);
    // The holder renews its own lease.
    expect(await takeJobLease("nightly", "instance-a", HOUR, now + 30 * 60_000)).toBe(true);
    expect(await takeJobLease("nightly", "instance-b", HOUR, now + 80 * 60_000)).toBe(false);
    // A holder that stopped renewing (it died) loses the job once the lease has run out.
    expect(await takeJobLease("nightly", "instance-b", HOUR, now + 91 * 60_000)).toBe(true);
    expect(await takeJobLease("nightly", "instance-a", HOUR, now + 92 * 60_000)).toBe(false);
  });

  it("gives only one of two simultaneous claimants the job", async () => {
    const now = Date.now();
    const taken = await Promise.all(["x", "y", "z"].map((holder) => takeJobLease("race", holder, HOUR, now)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it("hands the job over at once when its holder releases it, and ignores others' releases", async () => {
    const now = Date.now();
    expect(await takeJobLease("handover", "instance-a", HOUR, now)).toBe(true);
    await releaseJobLease("handover", "instance-b");
    expect(await takeJobLease("handover", "instance-b", HOUR, now)).toBe(false);
    await releaseJobLease("handover", "instance-a");
    expect(await takeJobLease("handover", "instance-b", HOUR, now)).toBe(true);
  });
});
