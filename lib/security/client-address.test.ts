import { afterEach, describe, expect, it, vi } from "vitest";

async function addressFrom(headers: Record<string, string>, trustProxy?: string) {
  vi.resetModules();
  if (trustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = trustProxy;
  const { clientAddress } = await import("./client-address");
  return clientAddress(new Headers(headers));
}

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("the client address", () => {
  const socket = { "x-delegation-socket-address": "203.0.113.7" };

  it("is the socket's unless a proxy is trusted: a client cannot choose it with X-Forwarded-For", async () => {
    expect(await addressFrom({ ...socket, "x-forwarded-for": "198.51.100.1" })).toBe("203.0.113.7");
  });

  it("is the entry before the trusted proxies in X-Forwarded-For", async () => {
    const forwarded = { ...socket, "x-forwarded-for": "10.9.9.9, 198.51.100.1" };
    expect(await addressFrom(forwarded, "1")).toBe("198.51.100.1");
    expect(await addressFrom(forwarded, "true")).toBe("198.51.100.1");
    expect(await addressFrom(forwarded, "2")).toBe("10.9.9.9");
    expect(await addressFrom(socket, "1")).toBe("203.0.113.7");
  });

  it("is stored only as a keyed hash", async () => {
    const { hashAddress } = await import("./client-address");
    const hashed = hashAddress("203.0.113.7")!;
    expect(hashed).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hashed).not.toContain("203");
    expect(hashAddress("203.0.113.7")).toBe(hashed);
    expect(hashAddress("203.0.113.8")).not.toBe(hashed);
  });

  it("counts an IPv6 /64 as one client, and an IPv4-mapped address as the IPv4 one", async () => {
    const { hashAddress } = await import("./client-address");
    expect(hashAddress("::ffff:203.0.113.7")).toBe(hashAddress("203.0.113.7"));
    expect(hashAddress("2001:db8:1:2::1")).toBe(hashAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    expect(hashAddress("2001:db8:1:2::1")).not.toBe(hashAddress("2001:db8:1:3::1"));
  });
});
