import ipaddr from "ipaddr.js";

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
export type IpRange = [IpAddress, number];

/**
 * An address as written by a socket or a proxy: dotted-quad IPv4 or IPv6, an
 * IPv4-mapped IPv6 address read as the IPv4 it carries. Loose IPv4 spellings
 * ("127.1", "0x7f.1") and anything else are not addresses here.
 */
export function parseIp(value: string): IpAddress | null {
  // Every request parses its connection's address, and a server hears from few of them: each
  // spelling is parsed once (the cache is emptied when it reaches its bound). Nothing longer than an
  // address with its port is kept: forwarded headers are the client's to fill.
  if (value.length > LONGEST_ADDRESS) return parse(value);
  const known = parsedAddresses.get(value);
  if (known !== undefined) return known;
  if (parsedAddresses.size >= PARSED_ADDRESSES_KEPT) parsedAddresses.clear();
  const parsed = parse(value);
  parsedAddresses.set(value, parsed);
  return parsed;
}

const PARSED_ADDRESSES_KEPT = 1_024;
/** "[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]:65535", with room for spaces around it. */
const LONGEST_ADDRESS = 64;
const parsedAddresses = new Map<string, IpAddress | null>();

function parse(value: string): IpAddress | null {
  let text = value.trim();
  // Some proxies append the port: "[2001:db8::1]:443" or "203.0.113.7:51234".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  // One family's check only: ipaddr.js reports an invalid address by throwing inside, and on a busy
  // route an IPv6 peer sent through the IPv4 check first cost more than the rest of this function.
  const valid = text.includes(":") ? ipaddr.IPv6.isValid(text) : ipaddr.IPv4.isValidFourPartDecimal(text);
  if (!valid) return null;
  return ipaddr.process(text);
}

/** A CIDR range ("10.0.0.0/8", "2001:db8::/32") or a single address, as a range. */
export function parseIpRange(value: string): IpRange | null {
  const text = value.trim();
  const slash = text.indexOf("/");
  const address = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (!address) return null;
  const full = address.kind() === "ipv4" ? 32 : 128;
  if (slash === -1) return [address, full];
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return null;
  let prefix = Number(bits);
  // "::ffff:10.0.0.0/104" was read as 10.0.0.0 above, so its prefix loses the mapped 96 bits.
  if (address.kind() === "ipv4" && !ipaddr.IPv4.isValidFourPartDecimal(text.slice(0, slash).trim())) prefix -= 96;
  if (prefix < 0 || prefix > full) return null;
  return [address, prefix];
}

export function inRanges(address: IpAddress, ranges: readonly IpRange[]): boolean {
  return ranges.some(([base, prefix]) => base.kind() === address.kind() && address.match(base, prefix));
}
