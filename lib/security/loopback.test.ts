import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "./loopback";

describe("isLoopbackAddress", () => {
  it("accepts this machine's own addresses only", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])
      expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ["192.0.2.2", "::ffff:192.0.2.2", "fe80::1", "", null, undefined, "localhost"])
      expect(isLoopbackAddress(address)).toBe(false);
  });
});
