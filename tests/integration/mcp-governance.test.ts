// Owners' MCP governance through the real route and the official SDK client: MCP and each credential
// kind switched off, a key's IP allow-list, the monthly tool-call budget, the lifetime cap, the OAuth
// client allow-list with its request-access flow, "ask an owner" under owners-only consent, and usage.
import { type Client } from "@modelcontextprotocol/sdk/client/index.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, rpc, toolBody } from "../support/mcp-client";
import {
  authorizeAs,
  codeRequestUrl,
  consentForm,
  exchangeCode,
  pkcePair,
  registerClient,
  signIn,
  submitConsent,
  type CookieJar,
} from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { decideAccessRequest } from "@/lib/services/governance/decide-access-request";
import { updateMcpGovernance } from "@/lib/services/governance/update-mcp-governance";
import type { McpGovernanceInput } from "@/lib/validations/governance";

const REDIRECT = "http://127.0.0.1:8976/callback";
const EVERYTHING_ON: McpGovernanceInput = {
  mcp_enabled: true,
  api_keys_enabled: true,
  personal_tokens_enabled: true,
  oauth_enabled: true,
  client_allow_list_enabled: false,
};

function govern(ws: TestWorkspace, over: Partial<McpGovernanceInput> = {}) {
  return updateMcpGovernance(ws.owner, { ...EVERYTHING_ON, ...over });
}

/** The SDK client's refusal: the HTTP status and the body it read. */
async function refusalOf(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: number; message?: string } | null;
  expect(error).not.toBeNull();
  return { status: error!.code, message: error!.message ?? "" };
}

async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  return { isError: result.isError === true, body: toolBody(result) };
}

describe("switches", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace("gov-switch");
  });

  it("MCP off: every request gets 403 mcp_disabled, and on again it serves", async () => {
    const token = (await createPersonalToken(ws.agent)).secret;
    await govern(ws, { mcp_enabled: false });
    const refused = await refusalOf(connectMcp(token));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("mcp_disabled");
    const raw = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token });
    expect(raw.status).toBe(403);
    expect(raw.json?.error).toBe("mcp_disabled");
    expect(raw.json?.error_description).toMatch(/Settings → MCP governance/);
    await govern(ws);
    const client = await connectMcp(token);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });

  it("API keys off: keys are refused with credential_kind_disabled, personal tokens still work, no new key is made", async () => {
    const key = (await createApiKey(ws.admin, { name: "kind-off", scopes: ["mcp:read"] })).secret;
    const token = (await createPersonalToken(ws.agent)).secret;
    await govern(ws, { api_keys_enabled: false });
    const refused = await refusalOf(connectMcp(key));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("credential_kind_disabled");
    const client = await connectMcp(token);
    expect((await callTool(client, "get_me")).isError).toBe(false);
    await client.close();
    await expect(createApiKey(ws.admin, { name: "not-now" })).rejects.toMatchObject({
      code: "credential_kind_disabled",
    });
    await govern(ws, { personal_tokens_enabled: false });
    expect((await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token })).json?.error).toBe(
      "credential_kind_disabled",
    );
    await govern(ws);
  });

  it("a key's IP allow-list: refused from elsewhere with ip_not_allowed, served from a listed range", async () => {
    const elsewhere = await createApiKey(ws.admin, {
      name: "office-only",
      scopes: ["mcp:read"],
      ip_allow_list: ["203.0.113.0/24"],
    });
    const refused = await refusalOf(connectMcp(elsewhere.secret));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("ip_not_allowed");
    const local = await createApiKey(ws.admin, {
      name: "loopback",
      scopes: ["mcp:read"],
      ip_allow_list: ["127.0.0.0/8", "::1/128"],
    });
    expect(local.ip_allow_list).toEqual(["127.0.0.0/8", "::1/128"]);
    const client = await connectMcp(local.secret);
    expect((await callTool(client, "get_me")).isError).toBe(false);
    await client.close();
  });

  it("an allow-list entry that is not an address or CIDR range is refused by field", async () => {
    await expect(
      createApiKey(ws.admin, { name: "bad-cidr", ip_allow_list: ["10.0.0.0/8", "10.0.0.0/33"] }),
    ).rejects.toMatchObject({
      code: "validation_error",
      fields: { "ip_allow_list.1": [expect.stringContaining("CIDR")] },
    });
  });
});

describe("the monthly tool-call budget", () => {
  it("past the budget a tool call gets the 429 of the contract with limit_type month; other requests still pass", async () => {
    const ws = await createTestWorkspace("gov-budget");
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { rateLimitOverrides: { perMonth: 2 } } });
    const client = await connectMcp((await createPersonalToken(ws.agent)).secret);
    expect((await callTool(client, "get_me")).isError).toBe(false);
    expect((await callTool(client, "list_tags")).isError).toBe(false);
    const refused = await refusalOf(client.callTool({ name: "get_me", arguments: {} }));
    expect(refused.status).toBe(429);
    const body = JSON.parse(refused.message.slice(refused.message.indexOf("{"))) as Record<string, unknown>;
    expect(body).toMatchObject({ error: "rate limit exceeded", limit_type: "month" });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    // A second agent's token shares the workspace's budget.
    const other = (await createPersonalToken(ws.agent2)).secret;
    const raw = await rpc(
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "get_me", arguments: {} } },
      { token: other },
    );
    expect(raw.status).toBe(429);
    expect(raw.json?.limit_type).toBe("month");
    expect(Number(raw.headers.get("retry-after"))).toBeGreaterThan(0);
    await client.close();
  });
});

describe("the lifetime cap", () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace("gov-life");
    await govern(ws, { max_lifetime_days: 30 });
  });

  it("a key beyond the cap, or with no expiry, is refused by field; within it, it is made", async () => {
    await expect(createApiKey(ws.admin, { name: "long", expiry_hours: 31 * 24 })).rejects.toMatchObject({
      code: "validation_error",
      fields: { expiry_hours: ["must be at most 720"] },
    });
    await expect(createApiKey(ws.admin, { name: "forever" })).rejects.toMatchObject({
      fields: { expiry_hours: ["is required: at most 720"] },
    });
    const ok = await createApiKey(ws.admin, { name: "month", expiry_hours: 720, scopes: ["mcp:read", "mcp:write"] });
    // Through MCP, create_api_key answers the same field error.
    const client = await connectMcp(ok.secret);
    const refused = await callTool(client, "create_api_key", { name: "via-mcp", expiry_hours: 1000 });
    expect(refused.isError).toBe(true);
    expect(refused.body).toMatchObject({
      error: "validation_error",
      fields: { expiry_hours: ["must be at most 720"] },
    });
    await client.close();
  });

  it("personal tokens end at the cap", async () => {
    const token = await createPersonalToken(ws.agent);
    expect(new Date(token.expires_at).getTime()).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
  });

  it("OAuth tokens end at the cap, counted from the authorization", async () => {
    await govern(ws, { max_lifetime_days: 10 });
    const owner = await signIn(ws.emails.owner);
    const clientId = (await registerClient({ client_name: "Capped app", redirect_uris: [REDIRECT] })).body.client_id;
    const { verifier, challenge } = pkcePair();
    const approved = await authorizeAs(owner, authorize(clientId, challenge));
    const tokens = await exchangeCode(approved.location!, {
      client_id: clientId,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    expect(tokens.status).toBe(200);
    const grant = await prisma.oAuthGrant.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, client: { clientId } },
      select: { createdAt: true, tokens: { select: { kind: true, expiresAt: true } } },
    });
    const cap = grant.createdAt.getTime() + 10 * 86_400_000;
    const refresh = grant.tokens.find((t) => t.kind === "refresh")!;
    // A refresh token lives thirty days on its own; here the connection ends with the ten-day cap.
    expect(refresh.expiresAt.getTime()).toBe(cap);
  });
});

function authorize(clientId: string, challenge: string) {
  return codeRequestUrl(clientId, challenge, { redirect_uri: REDIRECT, state: "gov", scope: "tickets:read" });
}

/** Opens the consent page for a new authorization and presses its request-access button. */
async function requestAccess(jar: CookieJar, clientId: string) {
  const { challenge } = pkcePair();
  const first = await jar.fetch(authorize(clientId, challenge));
  const form = await consentForm(jar, first.headers.get("location")!);
  const res = await submitConsent(jar, form, { decision: "request_access" });
  return { form, status: res.status, text: await res.text() };
}

describe("the OAuth client allow-list", () => {
  it("a blocked client gets a clear page with request access; the owners are notified, and once one approves it connects", async () => {
    const ws = await createTestWorkspace("gov-allow");
    await govern(ws, { client_allow_list_enabled: true, allowed_client_names: ["Claude"] });
    const admin = await signIn(ws.emails.admin);
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { oauthAuthorizePolicy: "owners_admins" } });
    const clientId = (await registerClient({ client_name: "Blocked app", redirect_uris: [REDIRECT] })).body.client_id;

    const { challenge } = pkcePair();
    const refused = await authorizeAs(admin, authorize(clientId, challenge));
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("not on");

    const asked = await requestAccess(admin, clientId);
    expect(asked.form.html).toContain("Request access");
    expect(asked.form.html).toContain("Blocked app is not on");
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Request sent");
    const notified = await prisma.notification.findMany({
      where: { workspaceId: ws.workspace.id, type: "access_request" },
      select: { userId: true, title: true },
    });
    expect(notified).toEqual([{ userId: ws.users.owner, title: expect.stringContaining("Blocked app") }]);

    const request = await prisma.mcpAccessRequest.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, status: "pending" },
      select: { id: true, kind: true },
    });
    expect(request.kind).toBe("client");
    await expect(decideAccessRequest(ws.admin, { id: request.id, decision: "approve" })).rejects.toMatchObject({
      code: "owner_required",
    });
    await decideAccessRequest(ws.owner, { id: request.id, decision: "approve" });

    const { verifier, challenge: again } = pkcePair();
    const approved = await authorizeAs(admin, authorize(clientId, again));
    const tokens = await exchangeCode(approved.location!, {
      client_id: clientId,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    const client = await connectMcp(tokens.body!.access_token as string);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();

    // Taken off the list again, the connection it already has stops at its next request.
    await govern(ws, { client_allow_list_enabled: true, allowed_client_names: ["Claude"] });
    const stopped = await refusalOf(connectMcp(tokens.body!.access_token as string));
    expect(stopped.status).toBe(403);
    expect(stopped.message).toContain("client_not_allowed");
  });

  it("under owners-only consent an agent asks an owner, who approves, and the agent can then authorize", async () => {
    const ws = await createTestWorkspace("gov-ask");
    const agent = await signIn(ws.emails.agent);
    const clientId = (await registerClient({ client_name: "Agent's app", redirect_uris: [REDIRECT] })).body.client_id;
    const asked = await requestAccess(agent, clientId);
    expect(asked.form.html).toContain("Ask an owner");
    expect(asked.text).toContain("Request sent");
    const request = await prisma.mcpAccessRequest.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id },
      select: { id: true, kind: true, requestedById: true },
    });
    expect(request).toMatchObject({ kind: "consent", requestedById: ws.users.agent });
    expect(await prisma.notification.count({ where: { userId: ws.users.owner, type: "access_request" } })).toBe(1);
    await decideAccessRequest(ws.owner, { id: request.id, decision: "approve" });
    const { challenge } = pkcePair();
    const approved = await authorizeAs(agent, authorize(clientId, challenge));
    expect(approved.location).toContain("code=");
    // The agent hears the answer.
    expect(await prisma.notification.count({ where: { userId: ws.users.agent, type: "access_request" } })).toBe(1);
  });
});

describe("get_mcp_usage", () => {
  it("counts calls and errors with p95 latency per client and per tool over a period", async () => {
    const ws = await createTestWorkspace("gov-usage");
    const key = await createApiKey(ws.admin, { name: "usage-reporter", scopes: ["mcp:read"] });
    const client = await connectMcp(key.secret);
    await callTool(client, "get_ticket", { ticket: ws.tickets[0]!.ticket });
    await callTool(client, "get_ticket", { ticket: ws.tickets[1]!.ticket });
    expect((await callTool(client, "get_ticket", { ticket: 999_999 })).body.error).toBe("not_found");
    let usage: Record<string, any> = {};
    for (let i = 0; i < 50; i++) {
      usage = (await callTool(client, "get_mcp_usage")).body;
      const ticket = usage.by_tool.find((t: { tool: string }) => t.tool === "get_ticket");
      if (ticket?.calls === 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(usage.by_tool.find((t: { tool: string }) => t.tool === "get_ticket")).toMatchObject({
      calls: 3,
      errors: 1,
      p95_ms: expect.any(Number),
    });
    expect(usage.by_client.find((c: { client: string }) => c.client === "usage-reporter")).toMatchObject({
      kind: "workspace_key",
      errors: 1,
    });
    const empty = await callTool(client, "get_mcp_usage", { from: "2020-01-01", to: "2020-02-01" });
    expect(empty.body).toMatchObject({ by_client: [], by_tool: [] });
    const bad = await callTool(client, "get_mcp_usage", { from: "2026-02-01", to: "2026-01-01" });
    expect(bad.body).toMatchObject({ error: "validation_error", fields: { from: ["from must be before to"] } });
    await client.close();
    // An agent's token may not read it.
    const agentClient = await connectMcp((await createPersonalToken(ws.agent)).secret);
    expect((await callTool(agentClient, "get_mcp_usage")).isError).toBe(true);
    await agentClient.close();
  });
});

describe("the audit trail of tool calls", () => {
  it("writes one row per call with who, how, the outcome, the latency and the call's own time", async () => {
    const ws = await createTestWorkspace("gov-audit");
    const { id: credentialId, secret } = await createPersonalToken(ws.agent);
    const before = new Date();
    const client = await connectMcp(secret);
    expect((await callTool(client, "get_me")).isError).toBe(false);
    expect((await callTool(client, "get_ticket", { ticket: 999_999 })).isError).toBe(true);
    await client.close();
    const after = new Date();

    // The rows are written in batches off the request path: wait for both.
    let rows: Awaited<ReturnType<typeof auditRowsOf>> = [];
    for (let i = 0; i < 50 && rows.length < 2; i++) {
      rows = await auditRowsOf(credentialId);
      if (rows.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["get_me", "ok"],
      ["get_ticket", "not_found"],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        workspaceId: ws.workspace.id,
        actorUserId: ws.users.agent,
        credentialKind: "personal_token",
        via: "mcp",
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
      expect(["127.0.0.1", "::1"]).toContain(row.ip);
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(after.getTime() + 5);
    }
  });
});

function auditRowsOf(credentialId: string) {
  return prisma.auditEvent.findMany({
    where: { credentialId, action: { in: ["get_me", "get_ticket"] } },
    orderBy: { createdAt: "asc" },
  });
}
