// The HTTP contract MCP clients rely on: 401 bodies and challenges, metadata,
// transport hygiene, bad input, revocation on the next request.
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, connectMcp, mcpEndpoint, postWithHost, rpc, toolBody, ALL_TOOLSETS } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";

let ws: TestWorkspace;
let token: string;
const LIST = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
const call = (name: string, args: unknown, id = 2) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args },
});

beforeAll(async () => {
  ws = await createTestWorkspace("http");
  token = (await createPersonalToken(ws.agent)).secret;
});

describe("authentication errors", () => {
  const metadataUrl = () => `${baseUrl()}/.well-known/oauth-protected-resource/api/v1/mcp`;

  it("a missing header gets 401 unauthorized with the resource metadata challenge", async () => {
    const res = await rpc(LIST);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: "unauthorized", error_description: "missing or invalid Authorization header" });
    expect(res.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${metadataUrl()}", scope="mcp:read mcp:write"`,
    );
  });

  it("a malformed, mistyped or unknown token gets 401 invalid_token", async () => {
    const typo = token.slice(0, -1) + (token.endsWith("x") ? "y" : "x");
    for (const bad of ["nonsense", typo, "dbk_000000000000000000000000000000000000"]) {
      const res = await rpc(LIST, { token: bad });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: "invalid_token", error_description: "The access token is invalid." });
      expect(res.headers.get("www-authenticate")).toContain(`resource_metadata="${metadataUrl()}"`);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    const basic = await rpc(LIST, { headers: { Authorization: `Basic ${token}` } });
    expect(basic.json?.error).toBe("unauthorized");
  });

  it("an expired token gets 401 with the expiry description", async () => {
    const key = await createApiKey(ws.admin, { name: "expiring", expiry_hours: 1 });
    await prisma.credential.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const res = await rpc(LIST, { token: key.secret });
    expect(res.status).toBe(401);
    expect(res.json?.error).toBe("invalid_token");
    expect(res.json?.error_description).toMatch(/^The access token has expired/);
  });

  it("a token in the query string is refused", async () => {
    const res = await fetch(`${mcpEndpoint()}?access_token=${token}`, {
      method: "POST",
      body: JSON.stringify(LIST),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("revoking a key refuses its very next request", async () => {
    const key = await createApiKey(ws.admin, { name: "to revoke" });
    const client = await connectMcp(key.secret);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await revokeCredential(ws.admin, { id: key.id });
    await expect(client.listTools()).rejects.toThrow(/401|invalid/i);
    await client.close().catch(() => undefined);
  });
});

describe("protected resource metadata", () => {
  it.each(["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/api/v1/mcp"])(
    "%s names the exact MCP URL",
    async (path) => {
      const res = await fetch(`${baseUrl()}${path}`, { headers: { Origin: "https://claude.ai" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const body = await res.json();
      expect(body.resource).toBe(`${baseUrl()}/api/v1/mcp`);
      expect(body.authorization_servers).toEqual([baseUrl()]);
      expect(body.bearer_methods_supported).toEqual(["header"]);
      expect(body.scopes_supported).toEqual(
        expect.arrayContaining(["mcp:read", "mcp:write", "tickets:read", "tickets:write"]),
      );
    },
  );
});

describe("transport", () => {
  it("refuses a foreign Host (DNS rebinding) and a foreign Origin", async () => {
    expect(await postWithHost("evil.example.com", LIST, token)).toBe(403);
    expect(await postWithHost(new URL(baseUrl()).host, LIST, token)).toBe(200);
    const origin = await rpc(LIST, { token, headers: { Origin: "https://evil.example.com" } });
    expect(origin.status).toBe(403);
  });

  it("answers GET and DELETE with 405 and a preflight with CORS that exposes the auth and limit headers", async () => {
    expect((await fetch(mcpEndpoint())).status).toBe(405);
    expect((await fetch(mcpEndpoint(), { method: "DELETE" })).status).toBe(405);
    const pre = await fetch(mcpEndpoint(), {
      method: "OPTIONS",
      headers: { Origin: baseUrl(), "Access-Control-Request-Method": "POST" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-headers")).toContain("Authorization");
    expect(pre.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
    expect(pre.headers.get("access-control-expose-headers")).toContain("X-RateLimit-Remaining");
  });

  it("needs Accept to allow JSON and event streams (406), and answers plain JSON", async () => {
    const bad = await rpc(LIST, { token, headers: { Accept: "text/html" } });
    expect(bad.status).toBe(406);
    const ok = await rpc(LIST, { token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("application/json");
    expect(ok.headers.get("mcp-session-id")).toBeNull();
  });

  it("answers a lone tools/call exactly as it answers the same call in a batch", async () => {
    for (const body of [
      call("get_ticket", { ticket: ws.tickets[0]!.ticket }),
      call("get_ticket", { ticket: 999_999 }),
      call("assign_ticket", { ticket: "first" }),
      call("drop_database", {}),
    ]) {
      const [lone, batched] = [await rpc(body, { token }), await rpc([body], { token })];
      expect(lone.status).toBe(200);
      expect(lone.headers.get("content-type")).toBe(batched.headers.get("content-type"));
      // The SDK answers a batch of one with the bare response, as the lone call is answered.
      expect(lone.json).toEqual(batched.json);
    }
  });

  it("serves the 2026-07-28 revision with its headers and envelope", async () => {
    const body = {
      jsonrpc: "2.0",
      id: 9,
      method: "tools/call",
      params: {
        name: "get_ticket",
        arguments: { ticket: ws.tickets[0]!.ticket },
        _meta: {
          "io.modelcontextprotocol/protocolVersion": "2026-07-28",
          "io.modelcontextprotocol/clientCapabilities": {},
        },
      },
    };
    const res = await rpc(body, {
      token,
      headers: { "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/call", "Mcp-Name": "get_ticket" },
    });
    expect(res.status).toBe(200);
    expect(res.json?.result?.structuredContent?.number).toBe(ws.tickets[0]!.ticket);
  });
});

describe("capabilities per revision", () => {
  it("2026-07-28 discovery advertises tools and not the deprecated logging; 2025 initialize keeps logging", async () => {
    const envelope = {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientCapabilities": {},
    };
    const discover = await rpc(
      { jsonrpc: "2.0", id: 1, method: "server/discover", params: { _meta: envelope } },
      { token, headers: { "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "server/discover" } },
    );
    expect(discover.status).toBe(200);
    expect(discover.json?.result?.supportedVersions).toContain("2026-07-28");
    expect(discover.json?.result?.capabilities?.tools).toBeDefined();
    expect(discover.json?.result?.capabilities?.logging).toBeUndefined();
    const initialize = await rpc(
      {
        jsonrpc: "2.0",
        id: 2,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
      },
      { token },
    );
    expect(initialize.json?.result?.capabilities).toMatchObject({ tools: {}, logging: {} });
  });
});

const noLeak = (text: string) => {
  expect(text).not.toMatch(/at .+\.(ts|js):\d+|node_modules|prisma|stack/i);
};

describe("bad input never gets a 500 or a stack trace", () => {
  it("malformed JSON is a JSON-RPC parse error", async () => {
    const res = await rpc(null, { token, raw: "{not json" });
    expect(res.status).toBe(400);
    expect(res.json?.error?.code).toBe(-32700);
  });

  it("wrong JSON-RPC shapes are JSON-RPC errors", async () => {
    for (const body of [
      { jsonrpc: "1.0", id: 1, method: "tools/list" },
      { id: 1, method: 5 },
      [],
      42,
      { jsonrpc: "2.0", id: 1, method: "no/such/method" },
    ]) {
      const res = await rpc(body, { token });
      expect(res.status).toBeLessThan(500);
      noLeak(res.text);
      if (res.json && !Array.isArray(res.json) && res.status === 200) expect(res.json.error).toBeDefined();
    }
  });

  it("an unknown tool is a JSON-RPC invalid-params error", async () => {
    const res = await rpc(call("drop_database", {}), { token });
    expect(res.status).toBe(200);
    expect(res.json?.error).toMatchObject({ code: -32602 });
    expect(res.json?.error.message).toContain("Unknown tool: drop_database");
  });

  it("wrong argument types name the field and the reason", async () => {
    const res = await rpc(call("search_tickets", { limit: "lots", status: "archived" }), { token });
    const result = res.json?.result;
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const body = toolBody(result);
    expect(body.error).toBe("validation_error");
    expect(Object.keys(body.fields).sort()).toEqual(["limit", "status"]);
    expect(body.message).toMatch(/limit: limit must be a number/);
    noLeak(res.text);
  });

  it("a missing ticket is not_found, not an exception", async () => {
    const res = await rpc(call("get_ticket", { ticket: 999_999 }), { token });
    expect(toolBody(res.json?.result)).toEqual({
      error: "not_found",
      message: "Ticket #999999 was not found in this workspace.",
    });
  });

  it("an oversized body is 413", async () => {
    const res = await rpc(call("add_internal_note", { ticket: 1, body: "x".repeat(1_100_000) }), { token });
    expect(res.status).toBe(413);
  });
});

describe("tool arguments are strict", () => {
  const refused = async (name: string, args: unknown) => {
    const res = await rpc(call(name, args), { token });
    expect(res.status).toBe(200);
    expect(res.json?.result?.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
    noLeak(res.text);
    return toolBody(res.json?.result);
  };

  it("an unknown argument is named with the arguments the tool takes, not dropped", async () => {
    const body = await refused("search_tickets", { query: "login" });
    expect(body.error).toBe("validation_error");
    expect(body.fields.query[0]).toMatch(/^query is not an argument of search_tickets; it takes q, status, /);
    expect(body.message).toContain("query");
  });

  it("every published input schema says additionalProperties: false", async () => {
    const admin = await connectMcp((await createPersonalToken(ws.owner)).secret, ALL_TOOLSETS);
    try {
      const { tools } = await admin.listTools();
      for (const tool of tools) expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
    } finally {
      await admin.close();
    }
  });

  it("booleans are JSON true or false only: the string false is refused, never read as true", async () => {
    const n = ws.tickets[0]!.ticket;
    const body = await refused("list_ticket_messages", { ticket: n, include_notes: "false" });
    expect(body.fields.include_notes).toEqual(["include_notes must be true or false"]);
    const search = await refused("search_tickets", { q: "refund", include_notes: "false" });
    expect(search.fields.include_notes).toEqual(["include_notes must be true or false"]);
    const res = await rpc(call("list_ticket_messages", { ticket: n, include_notes: false }), { token });
    expect(res.json?.result?.isError).toBeFalsy();
  });

  it("numbers and dates are not guessed from other types", async () => {
    expect((await refused("get_ticket", { ticket: true })).fields.ticket).toEqual(["ticket must be a ticket number"]);
    expect((await refused("search_tickets", { created_after: "yesterday" })).fields.created_after[0]).toMatch(
      /created_after must be a date like 2026-11-30/,
    );
    const ok = await rpc(
      call("search_tickets", { created_after: "2020-01-01", created_before: "2999-01-01T00:00:00Z" }),
      {
        token,
      },
    );
    expect(ok.json?.result?.isError, ok.text).toBeFalsy();
  });

  it("a malformed cursor is a field error on cursor in every list tool", async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const owner = (await createPersonalToken(ws.owner)).secret;
    const lists: [string, Record<string, unknown>][] = [
      ["search_tickets", {}],
      ["list_ticket_messages", { ticket: ws.tickets[0]!.ticket }],
      ["search_contacts", {}],
      ["list_audit_events", {}],
    ];
    for (const [name, args] of lists) {
      for (const cursor of [forged({ u: "not-a-date", c: "not-a-date", n: 5, i: "x" }), "%%%", forged([1, 2])]) {
        const res = await rpc(call(name, { ...args, cursor }), { token: owner });
        const body = toolBody(res.json?.result);
        expect(body.error, `${name} ${cursor}`).toBe("validation_error");
        expect(body.fields, name).toEqual({ cursor: ["is not a cursor this list gave out"] });
        noLeak(res.text);
      }
    }
  });
});

describe("another database client's session settings", () => {
  it("a client that empties search_path, as pg_dump does, leaves MCP calls working while it stays and after", async () => {
    const dump = new pg.Client({ connectionString: inject("databaseUrl") });
    await dump.connect();
    try {
      await dump.query("SELECT pg_catalog.set_config('search_path', '', false)");
      for (const body of [LIST, call("get_ticket", { ticket: ws.tickets[0]!.ticket })]) {
        const res = await rpc(body, { token });
        expect(res.status).toBe(200);
        expect(res.json?.error).toBeUndefined();
      }
    } finally {
      await dump.end();
    }
    expect((await rpc(call("get_ticket", { ticket: ws.tickets[0]!.ticket }), { token })).status).toBe(200);
  });
});
