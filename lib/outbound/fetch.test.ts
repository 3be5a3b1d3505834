import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutboundTarget, fetchOutbound, OutboundError, type Resolver } from "@/lib/outbound/fetch";

// Two servers on one port: 127.0.0.1 stands for a public address (the test
// switch lets exactly that one through) and 127.0.0.2 for a private one. Each
// counts the connections it accepts.

type Counted = { server: Server; connections: number };

function listen(host: string, port: number, handler: Parameters<typeof createServer>[1]): Promise<Counted> {
  const counted: Counted = { server: createServer(handler), connections: 0 };
  counted.server.on("connection", () => (counted.connections += 1));
  return new Promise((resolve, reject) => {
    counted.server.once("error", reject);
    counted.server.listen(port, host, () => resolve(counted));
  });
}

let vetted: Counted;
let internal: Counted;
let port: number;

beforeAll(async () => {
  vetted = await listen("127.0.0.1", 0, (req, res) => {
    if (req.url === "/redirect") return res.writeHead(302, { Location: "http://127.0.0.2/" }).end();
    if (req.url === "/error") return res.writeHead(500).end("no");
    if (req.url === "/big") {
      res.writeHead(200, { "Content-Type": "application/json" });
      for (let i = 0; i < 64; i++) res.write("x".repeat(1024));
      return res.end();
    }
    if (req.url === "/slow") return; // never answers
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "max-age=60" }).end('{"ok":true}');
  });
  port = (vetted.server.address() as AddressInfo).port;
  internal = await listen("127.0.0.2", port, (_req, res) => res.end('{"internal":true}'));
});

afterAll(async () => {
  for (const s of [vetted, internal]) {
    s.server.closeAllConnections();
    await new Promise((r) => s.server.close(r));
  }
});

/** Answers each lookup with the next entry, like a rebinding DNS server. */
function scriptedResolver(...answers: string[][]): Resolver & { calls: number } {
  const resolver = Object.assign(
    async () => {
      const next = answers[Math.min(resolver.calls, answers.length - 1)]!;
      resolver.calls += 1;
      return next.map((address) => ({ address, family: 4 as const }));
    },
    { calls: 0 },
  );
  return resolver;
}

const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => "fetched",
    (error: unknown) => (error instanceof OutboundError ? error.reason : `unexpected: ${String(error)}`),
  );

describe("the outbound fetcher", () => {
  it("connects only to the address it vetted, however the resolver answers next (DNS rebinding)", async () => {
    const resolver = scriptedResolver(["127.0.0.1"], ["127.0.0.2"]);
    const url = `http://metadata.test:${port}/doc.json`;
    const before = { vetted: vetted.connections, internal: internal.connections };

    const first = await fetchOutbound(url, { resolver, allowLoopbackForTests: true });
    expect(JSON.parse(first.body.toString())).toEqual({ ok: true });
    expect(first.headers.get("cache-control")).toBe("max-age=60");
    // One resolution per connection: nothing resolved the name a second time for the socket.
    expect(resolver.calls).toBe(1);

    // The rebinding answer is refused in the connection's own lookup.
    expect(await reason(fetchOutbound(url, { resolver, allowLoopbackForTests: true }))).toBe("private_address");
    expect(resolver.calls).toBe(2);
    expect(vetted.connections - before.vetted).toBe(1);
    expect(internal.connections - before.internal).toBe(0);
  });

  it("refuses a host with any non-public answer, even beside a public one", async () => {
    const before = { vetted: vetted.connections, internal: internal.connections };
    for (const answer of [
      ["127.0.0.1", "127.0.0.2"],
      ["127.0.0.2", "127.0.0.1"],
    ]) {
      const resolver = scriptedResolver(answer);
      expect(await reason(fetchOutbound(`http://mixed.test:${port}/`, { resolver, allowLoopbackForTests: true }))).toBe(
        "private_address",
      );
    }
    expect(vetted.connections - before.vetted).toBe(0);
    expect(internal.connections - before.internal).toBe(0);
  });

  it("refuses literal non-public addresses before any connection, in every spelling", async () => {
    const before = vetted.connections;
    for (const url of [
      "https://[::ffff:127.0.0.1]:8443/x",
      "https://[::127.0.0.1]/x",
      "https://[64:ff9b::7f00:1]/x",
      "https://[fec0::1]/x",
      "https://127.0.0.1/x",
      "https://0x7f.1/x",
      "https://2130706433/x",
      "https://198.18.0.1/x",
      "https://100.64.0.1/x",
      "https://169.254.169.254/latest/meta-data/",
    ])
      expect([url, await reason(fetchOutbound(url))]).toEqual([url, "private_address"]);
    expect(vetted.connections).toBe(before);
  });

  it("needs https, and the test switch reaches nothing but 127.0.0.1", async () => {
    const resolver = scriptedResolver(["127.0.0.1"]);
    expect(await reason(fetchOutbound(`http://metadata.test:${port}/`, { resolver }))).toBe("invalid_url");
    expect(await reason(fetchOutbound(`https://metadata.test:${port}/`, { resolver }))).toBe("private_address");
    expect(await reason(fetchOutbound(`http://127.0.0.2:${port}/`, { allowLoopbackForTests: true }))).toBe(
      "private_address",
    );
    expect(await reason(fetchOutbound(`http://[::1]:${port}/`, { allowLoopbackForTests: true }))).toBe(
      "private_address",
    );
    expect(await reason(fetchOutbound("https://user:pw@example.com/"))).toBe("invalid_url");
    expect(await reason(fetchOutbound("not a url"))).toBe("invalid_url");
  });

  it("names each failure: redirect, bad status, too large, timeout, unresolvable", async () => {
    const at = (path: string) => `http://127.0.0.1:${port}${path}`;
    const test = { allowLoopbackForTests: true };
    const redirect = await fetchOutbound(at("/redirect"), test).catch((e: OutboundError) => e);
    expect(redirect).toMatchObject({ reason: "redirect", status: 302 });
    expect(await fetchOutbound(at("/error"), test).catch((e: OutboundError) => e)).toMatchObject({
      reason: "bad_status",
      status: 500,
    });
    expect(await reason(fetchOutbound(at("/big"), { ...test, maxBytes: 10_000 }))).toBe("too_large");
    expect(await reason(fetchOutbound(at("/slow"), { ...test, timeoutMs: 300 }))).toBe("timeout");
    expect(
      await reason(fetchOutbound("https://nowhere.test/", { resolver: async () => [], allowLoopbackForTests: true })),
    ).toBe("unresolvable");
    expect(
      await reason(
        fetchOutbound("https://nowhere.test/", {
          resolver: () => Promise.reject(new Error("ENOTFOUND")),
        }),
      ),
    ).toBe("unresolvable");
  });

  it("reaches private and loopback targets over http only when the operator allows them", async () => {
    const before = internal.connections;
    const url = `http://127.0.0.2:${port}/`;
    expect(await reason(fetchOutbound(url))).toBe("invalid_url");
    expect(await reason(fetchOutbound(url.replace("http:", "https:")))).toBe("private_address");
    const allowed = await fetchOutbound(url, { allowPrivateTargets: true });
    expect(JSON.parse(allowed.body.toString())).toEqual({ internal: true });
    expect(internal.connections - before).toBe(1);
  });

  it("hands back a non-2xx answer with its body when asked to, and still refuses redirects", async () => {
    const at = (path: string) => `http://127.0.0.1:${port}${path}`;
    const any = { allowLoopbackForTests: true, acceptAnyStatus: true };
    const answer = await fetchOutbound(at("/error"), any);
    expect([answer.status, answer.body.toString()]).toEqual([500, "no"]);
    expect(await reason(fetchOutbound(at("/redirect"), any))).toBe("redirect");
  });

  it("checks a target before it is stored: form, literal addresses and every DNS answer", async () => {
    const check = (url: string, options?: Parameters<typeof checkOutboundTarget>[1]) =>
      reason(checkOutboundTarget(url, options));
    expect(await check("https://hooks.test/in", { resolver: scriptedResolver(["93.184.216.34"]) })).toBe("fetched");
    expect(await check("https://hooks.test/in", { resolver: scriptedResolver(["93.184.216.34", "10.0.0.7"]) })).toBe(
      "private_address",
    );
    for (const url of ["https://127.0.0.1/x", "https://10.1.2.3/x", "https://169.254.169.254/latest/meta-data/"])
      expect([url, await check(url)]).toEqual([url, "private_address"]);
    expect(await check("http://hooks.test/in", { resolver: scriptedResolver(["93.184.216.34"]) })).toBe("invalid_url");
    expect(await check("https://nowhere.test/", { resolver: async () => [] })).toBe("unresolvable");
    expect(await check("http://10.1.2.3:8080/x", { allowPrivateTargets: true })).toBe("fetched");
    expect(await check("ftp://10.1.2.3/x", { allowPrivateTargets: true })).toBe("invalid_url");
  });
});
