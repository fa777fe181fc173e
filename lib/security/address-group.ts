import { isIPv4, isIPv6 } from "node:net";

/** The eight 16-bit groups of an IPv6 address (with any embedded dotted IPv4 tail), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  const dotted = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[2].split(".").map(Number);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const part = (value: string | undefined) =>
    value ? value.split(":").map((group) => Number.parseInt(group, 16)) : [];
  const start = part(head);
  const end = part(tail);
  const groups = tail === undefined ? start : [...start, ...Array(8 - start.length - end.length).fill(0), ...end];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : null;
}

/**
 * The unit a rate limit counts: an IPv4 address as it is, one written as IPv4-mapped IPv6
 * (`::ffff:203.0.113.7`) as that IPv4 address, and any other IPv6 address as its /64, the block one
 * household or server is given, so that rotating through it earns no fresh limits.
 */
export function addressGroup(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .split("%")[0]
    .toLowerCase();
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const groups = ipv6Groups(bare);
  if (!groups) return bare;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
