// Tool surfaces through the official SDK clients, 1.x (2025 revisions) and 2.x (2026-07-28): the
// default surface of daily tools, toolsets chosen by query or header, and the hard read-only mode on
// its own path or by header — with one token working on every surface, and the read-only path's
// protected-resource metadata naming the same resource.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, connectSdkMajor, rpc } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { DEFAULT_TOOL_NAMES, TOOLSETS } from "@/lib/mcp/toolsets";

type CallResult = { isError?: boolean; structuredContent?: unknown; content?: { text: string }[] };
type AnyClient = {
  listTools: () => Promise<{ tools: { name: string; annotations?: { readOnlyHint?: boolean } }[] }>;
  callTool: (params: { name: string; arguments: Record<string, unknown> }) => Promise<unknown>;
  close: () => Promise<void>;
};

let ws: TestWorkspace;
let token = "";
const open: AnyClient[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("surfaces");
  token = (await createPersonalToken(ws.owner, { name: "Surface client" })).secret;
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
});

async function connect(major: 1 | 2, suffix = "", headers: Record<string, string> = {}): Promise<AnyClient> {
  const client = await connectSdkMajor<AnyClient>(major, token, { suffix, headers, name: "surfaces" });
  open.push(client);
  return client;
}

const names = async (client: AnyClient) => (await client.listTools()).tools.map((t) => t.name).sort();
const refusal = (result: unknown) => JSON.parse((result as CallResult).content![0]!.text) as Record<string, string>;

for (const major of [1, 2] as const) {
  describe(`SDK ${major}.x`, () => {
    it("without a choice, lists the daily tools and still calls any tool the credential may use", async () => {
      const client = await connect(major);
      expect(await names(client)).toEqual([...DEFAULT_TOOL_NAMES].sort());
      const sla = (await client.callTool({ name: "list_sla_policies", arguments: {} })) as CallResult;
      expect(sla.isError).toBeFalsy();
    });

    it("?toolsets= lists the chosen toolsets and refuses tools outside them by name", async () => {
      const client = await connect(major, "?toolsets=knowledge,contacts");
      const expected = [...TOOLSETS.get("knowledge")!, ...TOOLSETS.get("contacts")!].map((t) => t.name).sort();
      expect(await names(client)).toEqual(expected);
      const outside = await client.callTool({ name: "assign_ticket", arguments: { ticket: 1, assignee: "me" } });
      expect((outside as CallResult).isError).toBe(true);
      expect(refusal(outside)).toMatchObject({ error: "not_in_toolsets", toolset: "tickets" });
    });

    it("X-MCP-Toolsets chooses toolsets too; all lists every tool", async () => {
      expect(await names(await connect(major, "", { "X-MCP-Toolsets": "sla" }))).toEqual(
        TOOLSETS.get("sla")!
          .map((t) => t.name)
          .sort(),
      );
      const everything = await names(await connect(major, "?toolsets=all"));
      expect(everything).toHaveLength([...TOOLSETS.values()].flat().length);
    });

    it("/readonly lists no write tool and refuses writes without changing anything", async () => {
      const client = await connect(major, "/readonly?toolsets=all");
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(10);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      const number = ws.tickets[0]!.ticket;
      const before = await prisma.message.count({ where: { workspaceId: ws.workspace.id } });
      const reply = await client.callTool({ name: "reply_to_ticket", arguments: { ticket: number, body: "Hello" } });
      expect(refusal(reply)).toMatchObject({ error: "read_only" });
      expect(await prisma.message.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
      const read = (await client.callTool({ name: "search_tickets", arguments: {} })) as CallResult;
      expect(read.isError).toBeFalsy();
    });

    it("X-MCP-Readonly: true is the same read-only mode on the main path", async () => {
      const client = await connect(major, "", { "X-MCP-Readonly": "true" });
      const listed = await names(client);
      expect(listed).toContain("search_tickets");
      expect(listed).not.toContain("reply_to_ticket");
      const result = await client.callTool({ name: "add_internal_note", arguments: { ticket: 1, body: "x" } });
      expect(refusal(result)).toMatchObject({ error: "read_only" });
    });
  });
}

describe("surface errors and discovery over HTTP", () => {
  it("an unknown toolset is a 400 that names it and lists the toolsets", async () => {
    const res = await rpc(
      { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} },
      { token, suffix: "?toolsets=tickets,billing" },
    );
    expect(res.status).toBe(400);
    expect(res.json?.error.message).toContain('Unknown toolset "billing"');
    expect(res.json?.error.message).toContain("knowledge");
  });

  it("the read-only path challenges with its own metadata, which names the one MCP resource", async () => {
    const res = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, { suffix: "/readonly" });
    expect(res.status).toBe(401);
    const header = res.headers.get("www-authenticate") ?? "";
    expect(header).toContain(
      `resource_metadata="${baseUrl()}/.well-known/oauth-protected-resource/api/v1/mcp/readonly"`,
    );
    const metadata = (await (
      await fetch(`${baseUrl()}/.well-known/oauth-protected-resource/api/v1/mcp/readonly`)
    ).json()) as { resource: string };
    expect(metadata.resource).toBe(`${baseUrl()}/api/v1/mcp`);
  });
});
