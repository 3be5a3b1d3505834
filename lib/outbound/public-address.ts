import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Which addresses a server-side fetch may reach: public unicast only. The
// ranges come from ipaddr.js (IANA's special-purpose registries) rather than
// a table kept here, so a range we forgot cannot slip through.

/** IPv6 addresses that carry an IPv4 address in their last 32 bits, judged by that address. */
const EMBEDS_IPV4 = [
  ipaddr.IPv6.parseCIDR("::ffff:0:0/96"), // IPv4-mapped
  ipaddr.IPv6.parseCIDR("::/96"), // IPv4-compatible (deprecated, still routed by some stacks)
  ipaddr.IPv6.parseCIDR("64:ff9b::/96"), // NAT64 well-known prefix
  ipaddr.IPv6.parseCIDR("::ffff:0:0:0/96"), // IPv4-translated (SIIT)
];

/** Everything outside 2000::/3 (global unicast) is unassigned, local or special. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  if (!EMBEDS_IPV4.some((cidr) => address.match(cidr))) return null;
  const bytes = address.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12));
}

/**
 * True only for a public unicast address. Loopback, private, carrier-grade
 * NAT, link-local, site- and unique-local, multicast, broadcast, benchmarking,
 * documentation, reserved and unspecified addresses are all refused, and so
 * is anything that is not a canonical IP address.
 */
export function isPublicAddress(raw: string): boolean {
  const text = raw.replace(/^\[(.*)\]$/, "$1");
  if (isIP(text) === 0) return false;
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  if (v6.zoneId) return false;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() === "unicast";
  return v6.range() === "unicast" && v6.match(GLOBAL_UNICAST);
}
