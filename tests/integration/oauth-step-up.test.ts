// Step-up authorization through the official SDK clients' own OAuth code: a connection granted
// tickets:read lists the write tools its role allows, marked with the scope each needs; calling one
// answers 403 insufficient_scope naming every scope to ask for; the client authorizes again for them,
// the consent page asks only for what is added, and the call goes through. Keys and personal tokens
// keep the 200 + isError refusal.
import { auth, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from "@modelcontextprotocol/client";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, mcpEndpoint, MODERN_CLIENT_OPTIONS, rpc, toolBody } from "../support/mcp-client";
import { ConsentingProvider, signIn, type CookieJar } from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";

const REDIRECT = "http://127.0.0.1:8979/callback";
const STEP_UP = "deskbridge/step_up_scopes";
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("stepup");
  // Agents may authorize apps here, so the role limit of a step-up shows on an agent's connection.
  await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { oauthAuthorizePolicy: "everyone" } });
});

/** A connection approved for tickets:read through SDK 1.x's auth(), as a signed-in person. */
async function readOnlyConnection(name: string, person: CookieJar) {
  const serverUrl = new URL(mcpEndpoint());
  const provider = new ConsentingProvider(name, person, { redirect_uri: REDIRECT, scope: "tickets:read" });
  expect(await auth(provider, { serverUrl, scope: "tickets:read" })).toBe("REDIRECT");
  expect(await auth(provider, { serverUrl, authorizationCode: provider.code() })).toBe("AUTHORIZED");
  expect(provider.tokens()?.scope).toBe("tickets:read");
  expect(provider.consents).toEqual([{ asked: ["tickets:read"], kept: [] }]);
  return { serverUrl, provider };
}

type ListedTool = { name: string; _meta?: Record<string, unknown> };
const stepUpOf = (tools: ListedTool[], name: string) => tools.find((tool) => tool.name === name)?._meta?.[STEP_UP];

describe("an OAuth connection steps up from tickets:read to tickets:write", () => {
  it("SDK 1.x: the write tool is listed with its scope, its call answers 403, auth() asks for the union and the call succeeds", async () => {
    const owner = await signIn(ws.emails.owner);
    const { serverUrl, provider } = await readOnlyConnection("Step-up v1", owner);
    // The challenges the transport met, as the client application sees them on the wire.
    const challenges: Response[] = [];
    const client = new Client({ name: "step-up-v1", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(serverUrl, {
        authProvider: provider,
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          if (response.status === 403) challenges.push(response.clone());
          return response;
        },
      }),
    );

    const listed = (await client.listTools()).tools as ListedTool[];
    expect(stepUpOf(listed, "search_tickets")).toBeUndefined();
    expect(stepUpOf(listed, "resolve_ticket")).toEqual(["tickets:write"]);
    expect(stepUpOf(listed, "reply_to_ticket")).toEqual(["messages:write"]);

    const ticket = ws.tickets[0]!.ticket;
    // SDK 1.x answers the challenge by refreshing, which cannot widen a grant, so it reports the 403.
    await expect(client.callTool({ name: "resolve_ticket", arguments: { ticket } })).rejects.toThrow(/403/);
    const challenge = challenges[0]!;
    expect(challenge.status).toBe(403);
    const params = extractWWWAuthenticateParams(challenge);
    expect(params).toMatchObject({ error: "insufficient_scope", scope: "tickets:read tickets:write" });
    expect(params.resourceMetadataUrl?.toString()).toBe(`${baseUrl()}/.well-known/oauth-protected-resource/api/v1/mcp`);
    expect(await challenge.json()).toMatchObject({ error: "insufficient_scope", required_scope: "tickets:write" });

    // The application authorizes again with the challenged scopes: the consent page asks only for the addition.
    provider.invalidateCredentials("tokens");
    expect(await auth(provider, { serverUrl, scope: params.scope })).toBe("REDIRECT");
    expect(provider.consents.at(-1)).toEqual({ asked: ["tickets:write"], kept: ["tickets:read"] });
    expect(await auth(provider, { serverUrl, authorizationCode: provider.code() })).toBe("AUTHORIZED");
    expect(provider.tokens()?.scope).toBe("tickets:read tickets:write");

    const resolved = await client.callTool({ name: "resolve_ticket", arguments: { ticket } });
    expect(resolved.isError, JSON.stringify(resolved.content)).toBeFalsy();
    expect(
      (await prisma.ticket.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, number: ticket } })).status,
    ).toBe("resolved");
    expect(stepUpOf((await client.listTools()).tools as ListedTool[], "resolve_ticket")).toBeUndefined();
    await client.close();
  });

  it("SDK 2.x on 2026-07-28: the transport re-authorizes on the 403 by itself, and the call succeeds after finishAuth", async () => {
    const owner = await signIn(ws.emails.owner);
    const { serverUrl, provider } = await readOnlyConnection("Step-up v2", owner);
    const transport = new TransportV2(serverUrl, { authProvider: provider as never });
    const client = new ClientV2({ name: "step-up-v2", version: "1.0.0" }, MODERN_CLIENT_OPTIONS);
    await client.connect(transport);
    const listed = (await client.listTools()).tools as ListedTool[];
    expect(stepUpOf(listed, "reopen_ticket")).toEqual(["tickets:write"]);

    const ticket = ws.tickets[1]!.ticket;
    await prisma.ticket.updateMany({
      where: { workspaceId: ws.workspace.id, number: ticket },
      data: { status: "resolved" },
    });
    await expect(client.callTool({ name: "reopen_ticket", arguments: { ticket } })).rejects.toThrow();
    expect(provider.consents).toHaveLength(2);
    expect(provider.consents[1]).toEqual({ asked: ["tickets:write"], kept: ["tickets:read"] });
    await transport.finishAuth(provider.callback!.searchParams);
    expect(provider.tokens()?.scope).toBe("tickets:read tickets:write");

    const reopened = await client.callTool({ name: "reopen_ticket", arguments: { ticket } });
    expect(reopened.isError, JSON.stringify(reopened.content)).toBeFalsy();
    await client.close();
  });
});

describe("what a step-up cannot change", () => {
  it("an agent's connection lists no tool beyond the agent role, and calling one is the 200 refusal", async () => {
    const agent = await signIn(ws.emails.agent);
    const { provider } = await readOnlyConnection("Agent step-up", agent);
    const token = provider.tokens()!.access_token;
    const everything = { token, headers: { "X-MCP-Toolsets": "all" } };
    const list = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, everything);
    const tools = list.json?.result.tools as ListedTool[];
    expect(stepUpOf(tools, "create_ticket")).toEqual(["tickets:write"]);
    expect(tools.map((tool) => tool.name)).not.toContain("create_team");

    const call = await rpc(
      { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "create_team", arguments: { name: "Ops" } } },
      everything,
    );
    expect(call.status).toBe(200);
    expect(toolBody(call.json?.result)).toMatchObject({ error: "insufficient_scope", required_scope: "teams:write" });
  });

  it("an API key keeps the 200 + isError contract and lists only what it can call", async () => {
    const key = await createApiKey(ws.admin, { name: "Reader", scopes: ["tickets:read"] });
    const list = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { token: key.secret });
    const tools = list.json?.result.tools as ListedTool[];
    expect(tools.map((tool) => tool.name)).not.toContain("resolve_ticket");
    expect(tools.every((tool) => tool._meta?.[STEP_UP] === undefined)).toBe(true);
    const call = await rpc(
      {
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "resolve_ticket", arguments: { ticket: ws.tickets[2]!.ticket } },
      },
      { token: key.secret },
    );
    expect(call.status).toBe(200);
    expect(call.headers.get("www-authenticate")).toBeNull();
    expect(toolBody(call.json?.result)).toMatchObject({ error: "insufficient_scope", required_scope: "tickets:write" });
  });
});
