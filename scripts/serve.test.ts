import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/rate-limit/peer-header.mjs";
import { withPeerAddress } from "./serve.mjs";

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(
    withPeerAddress((req: http.IncomingMessage, res: http.ServerResponse) => {
      res.end(JSON.stringify({ peer: req.headers[PEER_HEADER] ?? null }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A raw request, so a header can be sent twice and in any case. */
function send(headers: string[]): Promise<{ peer: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: "127.0.0.1", path: "/", setHost: true }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    for (let i = 0; i < headers.length; i += 2) req.appendHeader(headers[i]!, headers[i + 1]!);
    req.end();
  });
}

describe("withPeerAddress", () => {
  it("sets the peer header to the connection's address", async () => {
    expect(await send([])).toEqual({ peer: "127.0.0.1" });
  });

  it("replaces every copy a client sent, in any case", async () => {
    expect(await send(["X-Deskbridge-Peer", "6.6.6.6", "x-deskbridge-peer", "7.7.7.7"])).toEqual({ peer: "127.0.0.1" });
  });
});
