import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { parseIp, parseIpRange, type IpRange } from "@/lib/rate-limit/ip-address";
import { PEER_HEADER } from "@/lib/rate-limit/peer-header.mjs";

const ranges = (...values: string[]) => values.map((v) => parseIpRange(v)!) as IpRange[];
const request = (peer: string | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", { headers: { ...(peer ? { [PEER_HEADER]: peer } : {}), ...headers } });

describe("clientIp", () => {
  it("is the connection's own address when no proxy is trusted, whatever the headers claim", () => {
    const forged = { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "7.7.7.7" };
    expect(clientIp(request("198.51.100.4", forged), [])).toBe("198.51.100.4");
  });

  it("reads a page's headers as it reads a request's", () => {
    const xff = { "X-Forwarded-For": "198.51.100.23" };
    expect(clientIp(request("10.9.9.9", xff).headers, ranges("10.0.0.0/8"))).toBe("198.51.100.23");
  });

  it("reads an IPv4-mapped IPv6 peer as the IPv4 address", () => {
    expect(clientIp(request("::ffff:127.0.0.1"), [])).toBe("127.0.0.1");
    expect(clientIp(request("::1"), [])).toBe("::1");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientIp(request("203.0.113.9", { "X-Forwarded-For": "6.6.6.6" }), ranges("10.0.0.0/8"))).toBe(
      "203.0.113.9",
    );
  });

  it("through trusted proxies, takes the right-most address that is not one of them", () => {
    const trusted = ranges("10.0.0.0/8", "2001:db8:ffff::/48");
    const xff = { "X-Forwarded-For": "6.6.6.6, 198.51.100.23, 10.1.2.3" };
    expect(clientIp(request("10.9.9.9", xff), trusted)).toBe("198.51.100.23");
    expect(clientIp(request("2001:db8:ffff::1", { "X-Forwarded-For": "2001:db8::42" }), trusted)).toBe("2001:db8::42");
  });

  it("joins repeated X-Forwarded-For headers and reads ports and brackets proxies add", () => {
    const headers = new Headers({ [PEER_HEADER]: "::ffff:10.0.0.1" });
    headers.append("X-Forwarded-For", "6.6.6.6");
    headers.append("X-Forwarded-For", "198.51.100.23:51234");
    expect(clientIp(new Request("http://localhost/", { headers }), ranges("10.0.0.0/8"))).toBe("198.51.100.23");
    expect(clientIp(request("10.0.0.1", { "X-Forwarded-For": "[2001:db8::7]:443" }), ranges("10.0.0.0/8"))).toBe(
      "2001:db8::7",
    );
  });

  it("stops at an entry that is not an address rather than believing what lies left of it", () => {
    const xff = { "X-Forwarded-For": "198.51.100.23, not-an-ip, 10.0.0.2" };
    expect(clientIp(request("10.0.0.1", xff), ranges("10.0.0.0/8"))).toBe("10.0.0.2");
  });

  it("when every hop is trusted, the furthest one is the client", () => {
    expect(clientIp(request("10.0.0.1", { "X-Forwarded-For": "10.0.0.3, 10.0.0.2" }), ranges("10.0.0.0/8"))).toBe(
      "10.0.0.3",
    );
  });

  it("believes X-Real-IP only from a trusted proxy that sent no X-Forwarded-For", () => {
    expect(clientIp(request("10.0.0.1", { "X-Real-IP": "198.51.100.8" }), ranges("10.0.0.0/8"))).toBe("198.51.100.8");
    expect(clientIp(request("198.51.100.4", { "X-Real-IP": "6.6.6.6" }), ranges("10.0.0.0/8"))).toBe("198.51.100.4");
  });

  it("is null when the server did not record the connection, even with X-Forwarded-For", () => {
    expect(clientIp(request(null, { "X-Forwarded-For": "6.6.6.6" }), [])).toBeNull();
  });
});

describe("addresses and ranges", () => {
  it("reads an address alike however often it is read, and a bad one stays refused", () => {
    for (let i = 0; i < 3; i++) {
      expect(parseIp("::ffff:203.0.113.7")?.toString()).toBe("203.0.113.7");
      expect(parseIp(" 198.51.100.4:443 ")?.toString()).toBe("198.51.100.4");
      expect(parseIp("127.1")).toBeNull();
      expect(parseIp(`${"1".repeat(70)}`)).toBeNull();
    }
  });

  it.each(["127.1", "0x7f.0.0.1", "1.2.3", "999.1.1.1", "", "localhost", "1.2.3.4/8"])("%j is not an address", (v) => {
    expect(parseIp(v)).toBeNull();
  });

  it.each([
    ["10.0.0.0/8", "10.0.0.0", 8],
    ["192.0.2.7", "192.0.2.7", 32],
    ["2001:db8::/32", "2001:db8::", 32],
    ["::1", "::1", 128],
    ["::ffff:10.0.0.0/104", "10.0.0.0", 8],
  ])("%j is a range", (value, base, prefix) => {
    const range = parseIpRange(value)!;
    expect([range[0].toString(), range[1]]).toEqual([base, prefix]);
  });

  it.each(["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/x", "nope/8"])("%j is not a range", (value) => {
    expect(parseIpRange(value)).toBeNull();
  });
});
