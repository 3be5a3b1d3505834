// A key or an OAuth consent limited to toolsets: it lists and calls only those toolsets' tools on every
// surface a client picks, keys it mints stay within them, and the consent screen offers the choice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { ALL_TOOLSETS, callTool, connectMcp, mcpEndpoint } from "../support/mcp-client";
import {
  authorizationUrl,
  authorizeAs,
  consentForm,
  pkcePair,
  registerClient,
  signIn,
  tokenRequest,
  type CookieJar,
} from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { TOOLSETS } from "@/lib/mcp/toolsets";
import { createApiKey } from "@/lib/services/credentials/create-api-key";

type Client = Awaited<ReturnType<typeof connectMcp>>;
let ws: TestWorkspace;
const clients: Client[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("toolset-keys");
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

async function connect(secret: string, suffix = ALL_TOOLSETS) {
  const client = await connectMcp(secret, suffix);
  clients.push(client);
  return client;
}

const toolNames = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();
const namesOf = (...toolsets: string[]) => toolsets.flatMap((t) => TOOLSETS.get(t)!.map((tool) => tool.name)).sort();

describe("a key limited to toolsets", () => {
  it("lists and calls only the tools of its toolsets, whatever the connection asks for", async () => {
    const key = await createApiKey(ws.admin, { name: "Docs bot", toolsets: ["knowledge"], org_level: false });
    expect(key.toolsets).toEqual(["knowledge"]);
    const client = await connect(key.secret);
    expect(await toolNames(client)).toEqual(namesOf("knowledge"));
    // Choosing another toolset on the URL cannot widen it.
    expect(await toolNames(await connect(key.secret, "?toolsets=tickets"))).toEqual([]);

    expect((await callTool(client, "search_knowledge", { q: "refund" })).isError).toBe(false);
    const refused = await callTool(client, "get_ticket", { ticket: ws.tickets[0]!.ticket });
    expect(refused.isError).toBe(true);
    expect(refused.body).toMatchObject({ error: "toolset_not_granted", toolset: "tickets" });
    expect(refused.body.message).toMatch(/limited to knowledge/);
  });

  it("refuses an unknown toolset by name, and an unlimited key keeps every toolset", async () => {
    await expect(createApiKey(ws.admin, { name: "Bad", toolsets: ["tickets", "nonsense"] })).rejects.toMatchObject({
      code: "validation_error",
      fields: { "toolsets.1": [expect.stringMatching(/unknown toolset "nonsense": the toolsets are tickets, /)] },
    });
    const open = await createApiKey(ws.admin, { name: "Everything" });
    expect(open.toolsets).toBeNull();
    expect((await toolNames(await connect(open.secret))).length).toBeGreaterThan(namesOf("knowledge").length);
  });

  it("mints keys only within its toolsets, and the same ones when none are asked for", async () => {
    const parent = await createApiKey(ws.admin, {
      name: "Admin bot",
      toolsets: ["admin", "knowledge"],
      org_level: false,
    });
    const client = await connect(parent.secret);
    const wider = await callTool(client, "create_api_key", { name: "Wider", toolsets: ["tickets"] });
    expect(wider.body).toMatchObject({
      error: "toolset_not_granted",
      fields: { toolsets: ["must be within admin, knowledge"] },
    });
    const child = (await callTool(client, "create_api_key", { name: "Child" })).body;
    expect(child.toolsets).toEqual(["admin", "knowledge"]);
    const narrower = (await callTool(client, "create_api_key", { name: "Narrower", toolsets: ["knowledge"] })).body;
    expect(narrower.toolsets).toEqual(["knowledge"]);
    const listed = (await callTool(client, "list_api_keys", {})).body.items as { name: string; toolsets: string[] }[];
    expect(listed.find((k) => k.name === "Narrower")?.toolsets).toEqual(["knowledge"]);
  });
});

describe("an OAuth consent limited to toolsets", () => {
  let owner: CookieJar;
  beforeAll(async () => {
    owner = await signIn(ws.emails.owner);
  });

  async function connectThroughConsent(toolsets: string[]) {
    const clientId = (await registerClient({ client_name: `Toolsets ${toolsets.join("+") || "all"}` })).body.client_id;
    const { verifier, challenge } = pkcePair();
    const params = {
      client_id: clientId,
      redirect_uri: "http://127.0.0.1:8976/callback",
      response_type: "code",
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s",
      scope: "mcp:read mcp:write",
      resource: mcpEndpoint(),
    };
    const approved = await authorizeAs(owner, authorizationUrl(params), { toolsets });
    const code = new URL(approved.location!).searchParams.get("code")!;
    const token = await tokenRequest({
      grant_type: "authorization_code",
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: params.redirect_uri,
    });
    return { clientId, accessToken: token.body!.access_token as string };
  }

  it("the consent page offers every toolset, unticked", async () => {
    const clientId = (await registerClient({ client_name: "Looker" })).body.client_id;
    const first = await owner.fetch(
      authorizationUrl({
        client_id: clientId,
        redirect_uri: "http://127.0.0.1:8976/callback",
        response_type: "code",
        code_challenge: pkcePair().challenge,
        code_challenge_method: "S256",
        scope: "mcp:read",
      }),
    );
    const form = await consentForm(owner, first.headers.get("location")!);
    const offered = [...form.html.matchAll(/<input[^>]*name="toolsets"[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(offered)).toEqual(new Set(TOOLSETS.keys()));
    expect(form.html).not.toMatch(/name="toolsets"[^>]*checked/);
  });

  it("a connection approved for the tickets toolset lists and calls only ticket tools", async () => {
    const { clientId, accessToken } = await connectThroughConsent(["tickets"]);
    const grant = await prisma.oAuthGrant.findFirstOrThrow({
      where: { client: { clientId }, workspaceId: ws.workspace.id },
      select: { toolsets: true },
    });
    expect(grant.toolsets).toEqual(["tickets"]);
    const client = await connect(accessToken);
    expect(await toolNames(client)).toEqual(namesOf("tickets"));
    expect((await callTool(client, "get_ticket", { ticket: ws.tickets[0]!.ticket })).isError).toBe(false);
    expect((await callTool(client, "search_knowledge", { q: "x" })).body).toMatchObject({
      error: "toolset_not_granted",
      toolset: "knowledge",
    });
  });
});
