// The client's address is the connection's own, not what X-Forwarded-For claims,
// unless the connection comes from a trusted proxy: on the plain app (nothing
// trusted) and on the same app with the loopback as its trusted proxy.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { proxiedBaseUrl, rpc } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";

const LOOPBACK = ["127.0.0.1", "::1"];
const call = (name: string, args: unknown = {}) => ({
  jsonrpc: "2.0",
  id: 1,
  method: "tools/call",
  params: { name, arguments: args },
});
/** A documentation-range address no other test or run uses, written as the app writes addresses. */
const group = () => randomInt(0x1000, 0x10000).toString(16);
const someAddress = () => `2001:db8:${group()}::${group()}`;

let ws: TestWorkspace;
beforeAll(async () => {
  ws = await createTestWorkspace("addr");
});

/** "Last used from" is written off the request path: wait for it. */
async function lastUsedIp(keyId: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const row = await prisma.credential.findUniqueOrThrow({ where: { id: keyId }, select: { lastUsedIp: true } });
    if (row.lastUsedIp) return row.lastUsedIp;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the key's last use was not recorded");
}

/** The audit rows a credential left, once the buffered writer has flushed them. */
async function auditIps(credentialId: string, atLeast: number): Promise<(string | null)[]> {
  for (let i = 0; i < 50; i++) {
    const rows = await prisma.auditEvent.findMany({ where: { credentialId }, select: { ip: true } });
    if (rows.length >= atLeast) return rows.map((r) => r.ip);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the audit rows were not written");
}

describe("with no trusted proxy", () => {
  it("a key called with a forged X-Forwarded-For shows the real address as last used, and so does the audit log", async () => {
    const key = await createApiKey(ws.admin, { name: "forged-xff", scopes: ["mcp:read"], org_level: false });
    const forged = { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "7.7.7.7", "X-Deskbridge-Peer": "5.5.5.5" };
    const me = await rpc(call("get_me"), { token: key.secret, headers: forged });
    expect(me.json?.result.isError).toBeFalsy();

    expect(LOOPBACK).toContain(await lastUsedIp(key.id));
    const listed = await rpc(call("list_api_keys"), { token: key.secret, headers: forged });
    const keys = listed.json?.result.structuredContent.items as { id: string; last_used_ip: string | null }[];
    expect(LOOPBACK).toContain(keys.find((k) => k.id === key.id)!.last_used_ip);
    const audited = await auditIps(key.id, 2);
    for (const row of audited) expect(LOOPBACK).toContain(row);
  });
});

describe("behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1/32,::1/128)", () => {
  const mcp = (token: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${proxiedBaseUrl()}/api/v1/mcp`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        Authorization: `Bearer ${token}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it("the client is the right-most X-Forwarded-For address that is not a trusted proxy", async () => {
    const key = await createApiKey(ws.admin, { name: "behind-proxy", scopes: ["mcp:read"], org_level: false });
    const client = someAddress();
    const res = await mcp(key.secret, call("get_me"), { "X-Forwarded-For": `6.6.6.6, ${client}, 127.0.0.1` });
    expect(res.status).toBe(200);
    expect(await lastUsedIp(key.id)).toBe(client);
  });

  it("a client's own copy of the server's peer header is replaced", async () => {
    const key = await createApiKey(ws.admin, { name: "peer-header", scopes: ["mcp:read"], org_level: false });
    const res = await mcp(key.secret, call("get_me"), { "X-Deskbridge-Peer": "10.9.8.7" });
    expect(res.status).toBe(200);
    expect(LOOPBACK).toContain(await lastUsedIp(key.id));
  });

  it("a client that keeps failing at the token endpoint is refused within the minute, however slowly it calls", async () => {
    const from = { "X-Forwarded-For": someAddress() };
    const statuses: number[] = [];
    let refusal: Record<string, unknown> | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${proxiedBaseUrl()}/api/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...from },
        body: new URLSearchParams({ grant_type: "authorization_code", code: "x", client_id: "x" }),
      });
      statuses.push(res.status);
      if (res.status === 429) refusal ??= (await res.json()) as Record<string, unknown>;
      // Slower than the per-second burst allows, as a patient guesser would call.
      await new Promise((r) => setTimeout(r, 60));
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(refusal).toMatchObject({ error: "rate limit exceeded", limit_type: "minute" });
  });
});
