import { getEnv } from "@/lib/env";
import { inRanges, parseIp, type IpRange } from "@/lib/rate-limit/ip-address";
import { PEER_HEADER } from "@/lib/rate-limit/peer-header.mjs";

let warned = false;

/** A request's headers as a page reads them (`headers()`), for callers that hold no Request. */
export type HeaderReader = { get(name: string): string | null };

/**
 * The caller's address: the connection's own, or, when that connection comes
 * from a trusted proxy, the right-most X-Forwarded-For address that is not
 * itself a trusted proxy (everything left of it was written by the client and
 * proves nothing). Null when the server did not record the connection.
 */
export function clientIp(
  from: Request | HeaderReader,
  trusted: readonly IpRange[] = getEnv().TRUSTED_PROXIES,
): string | null {
  const headers = from instanceof Request ? from.headers : from;
  const peer = parseIp(headers.get(PEER_HEADER) ?? "");
  if (!peer) {
    if (!warned) {
      warned = true;
      console.warn(
        "[deskbridge] the connection's address is unknown: start the app with `npm start` (scripts/serve.mjs), not `next start`",
      );
    }
    return null;
  }
  if (!inRanges(peer, trusted)) return peer.toString();

  const hops = (headers.get("x-forwarded-for") ?? "").split(",").filter((hop) => hop.trim());
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIp(hops[i]!);
    // A trusted proxy writes addresses; anything else means the chain can be read no further.
    if (!hop) return nearest.toString();
    if (!inRanges(hop, trusted)) return hop.toString();
    nearest = hop;
  }
  if (hops.length === 0) {
    const real = parseIp(headers.get("x-real-ip") ?? "");
    if (real) return real.toString();
  }
  return nearest.toString();
}
