import { BlockList, isIP } from "node:net";

// Webhook endpoints are URLs organisers type in, and the server then posts to them: a way to make it reach
// places it should not (SSRF). In production only https, and no address in a private, loopback,
// link-local or otherwise non-public range (checked here for literal addresses, and again for the
// resolved addresses before each delivery). In development and tests, http to this machine is allowed.

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  privateRanges.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  privateRanges.addSubnet(network, prefix, "ipv6");

/** Whether an IP address is not on the public internet (an IPv4-mapped IPv6 address is judged as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateRanges.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return privateRanges.check(address, family === 4 ? "ipv4" : "ipv6");
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The URL to post to, or why it may not be one. */
export function checkWebhookUrl(
  value: string,
  production: boolean,
): { ok: true; url: URL } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: "Enter a full URL, starting with https://." };
  }
  if (url.username || url.password) return { ok: false, error: "Leave the user name and password out of the URL." };
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === "http:" && !(local && !production)) {
    return { ok: false, error: production ? "Use https://." : "Use https:// (http:// only to localhost)." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, error: "Use https://." };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (production && (url.hostname === "localhost" || (isIP(literal) && isNonPublicAddress(literal)))) {
    return { ok: false, error: "Use a public address: private and local networks are not reachable from here." };
  }
  return { ok: true, url };
}
