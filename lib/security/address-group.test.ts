import { describe, expect, it } from "vitest";
import { addressGroup } from "./address-group";

describe("the unit a rate limit counts", () => {
  it("is an IPv4 address itself, however it is written", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(addressGroup("0:0:0:0:0:ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is an IPv6 address's /64, so rotating through the block changes nothing", () => {
    const group = addressGroup("2001:db8:1:2::1");
    expect(group).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(group);
    expect(addressGroup("[2001:0db8:0001:0002:0:0:0:9]")).toBe(group);
    expect(addressGroup("2001:db8:1:2::9%eth0")).toBe(group);
    expect(addressGroup("2001:db8:1:3::1")).not.toBe(group);
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
  });

  it("leaves anything else as it is", () => {
    expect(addressGroup("unknown")).toBe("unknown");
  });
});
