import { createHmac } from "node:crypto";
import { getAuthSecret } from "./auth-secret";
import { getConfig } from "@/lib/config";
import { SOCKET_ADDRESS_HEADER } from "./socket-address";
import { addressGroup } from "./address-group";

/**
 * The client's address: the socket's, or — only behind a proxy we were told to trust (TRUST_PROXY) — the
 * last hop of X-Forwarded-For that our own proxies did not add. TRUST_PROXY is the number of proxies in
 * front of the app ("1" for one reverse proxy), or "true" for one.
 */
export function clientAddress(headers: Headers): string | null {
  const trust = getConfig().TRUST_PROXY;
  const socket = headers.get(SOCKET_ADDRESS_HEADER) || null;
  if (!trust || trust === "false" || trust === "0") return socket;
  const proxies = trust === "true" ? 1 : Math.max(1, Number.parseInt(trust, 10) || 1);
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it received from; the one before them is the client.
  return hops.at(-proxies) ?? socket;
}

/**
 * Addresses are never stored: only this keyed hash, enough to count requests from one client. It hashes
 * the address's group (an IPv6 /64, an IPv4-mapped address as IPv4), so every limit keyed on it counts
 * a whole block as one client.
 */
export function hashAddress(address: string | null): string | null {
  if (!address) return null;
  return createHmac("sha256", getAuthSecret())
    .update(`client-address\u0000${addressGroup(address)}`)
    .digest("base64url")
    .slice(0, 22);
}

/** An email address's keyed hash, for counting the emails it receives without storing it again. */
export function hashRecipient(emailKey: string): string {
  return createHmac("sha256", getAuthSecret()).update(`recipient\u0000${emailKey}`).digest("base64url").slice(0, 22);
}
