// What every OAuth endpoint shares (methods, preflight, no-store, the RFC 6749
// error shape naming the field), and metadata-document clients read through
// their cache without a write per lookup.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "../support/mcp-client";
import { registerClient, tokenRequest } from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { findClientForAuthorization } from "@/lib/oauth/clients/find";
import { fetchOutbound, type OutboundFetch } from "@/lib/outbound/fetch";

const REDIRECT = "http://127.0.0.1:8976/callback";

/** The endpoints clients call (JSON, CORS) and those a browser is sent to (pages). */
const CLIENT_ENDPOINTS = ["/api/oauth/register", "/api/oauth/token", "/api/oauth/revoke"];
const BROWSER_ENDPOINTS = [
  { path: "/api/oauth/authorize", allow: "GET, HEAD, OPTIONS", refused: ["POST", "PUT", "PATCH", "DELETE"] },
  { path: "/api/oauth/consent", allow: "POST, OPTIONS", refused: ["GET", "PUT", "PATCH", "DELETE"] },
];

describe("every OAuth endpoint answers OPTIONS and refuses other methods with 405", () => {
  it.each(CLIENT_ENDPOINTS)("%s: a CORS preflight, then 405 in the RFC 6749 shape with Allow", async (path) => {
    const preflight = await fetch(`${baseUrl()}${path}`, {
      method: "OPTIONS",
      headers: { Origin: "https://client.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const res = await fetch(`${baseUrl()}${path}`, { method, redirect: "manual" });
      expect([method, res.status, res.headers.get("allow")]).toEqual([method, 405, "POST, OPTIONS"]);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toEqual({
        error: "invalid_request",
        error_description: `${method} is not allowed here; use POST.`,
      });
    }
  });

  it.each(BROWSER_ENDPOINTS)("$path: OPTIONS with Allow, and a 405 page for other methods", async (endpoint) => {
    const options = await fetch(`${baseUrl()}${endpoint.path}`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, endpoint.allow]);
    for (const method of endpoint.refused) {
      const res = await fetch(`${baseUrl()}${endpoint.path}`, { method, redirect: "manual" });
      expect([method, res.status, res.headers.get("allow")]).toEqual([method, 405, endpoint.allow]);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toContain("Method not allowed");
    }
  });
});

describe("token and revocation requests name the parameter that is wrong", () => {
  let clientId: string;
  beforeAll(async () => {
    clientId = (await registerClient({ client_name: `Fields ${randomBytes(3).toString("hex")}` })).body.client_id;
  });

  it("a missing parameter is invalid_request naming it; a missing or unknown grant_type is unsupported_grant_type", async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { grant_type: "authorization_code", client_id: "", code: "dbc_x" },
        { error: "invalid_request", error_description: "client_id is required." },
      ],
      [
        { grant_type: "authorization_code", code: "dbc_x" },
        { error: "invalid_request", error_description: "code_verifier is required (PKCE)." },
      ],
      [{ grant_type: "refresh_token" }, { error: "invalid_request", error_description: "refresh_token is required." }],
      [
        {},
        {
          error: "unsupported_grant_type",
          error_description: "grant_type must be authorization_code or refresh_token.",
        },
      ],
      [
        { grant_type: "client_credentials" },
        {
          error: "unsupported_grant_type",
          error_description: "grant_type must be authorization_code or refresh_token.",
        },
      ],
    ];
    for (const [params, expected] of cases) {
      const res = await tokenRequest({ client_id: clientId, ...params });
      expect([params, res.status, res.body]).toEqual([params, 400, expected]);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const revoke = await fetch(`${baseUrl()}/api/oauth/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: clientId }),
    });
    expect([revoke.status, await revoke.json()]).toEqual([
      400,
      { error: "invalid_request", error_description: "token is required." },
    ]);
  });
});

describe("a metadata-document client read within its cache lifetime", () => {
  let fetches = 0;
  let server: Server;
  let port = 0;
  const clientId = `https://client.example/cached-${randomBytes(6).toString("hex")}.json`;
  const fetcher: OutboundFetch = (url, request) =>
    fetchOutbound(`http://127.0.0.1:${port}${new URL(url).pathname}`, { ...request, allowLoopbackForTests: true });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "max-age=600" });
      res.end(
        JSON.stringify({ client_id: clientId, client_name: "Cached document client", redirect_uris: [REDIRECT] }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("is fetched once and written once, however often it is looked up", async () => {
    const first = await findClientForAuthorization(clientId, fetcher);
    expect(first).toMatchObject({ clientId, name: "Cached document client", registrationType: "cimd" });
    // A marker only a write would undo.
    await prisma.oAuthClient.update({ where: { clientId }, data: { name: "marker" } });
    for (let i = 0; i < 3; i++) await findClientForAuthorization(clientId, fetcher);
    expect(fetches).toBe(1);
    const row = await prisma.oAuthClient.findUniqueOrThrow({ where: { clientId }, select: { name: true } });
    expect(row.name).toBe("marker");
  });
});
