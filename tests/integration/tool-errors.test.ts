// Tool refusals as the official SDK clients see them: 1.x (2025 revisions) and
// 2.x both check structured results against the output schemas they listed, so
// an error result must reach them as a result with its message, never a throw.
import { Client as ClientV1 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as TransportV1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { mcpEndpoint, ALL_TOOLSETS, MODERN_CLIENT_OPTIONS } from "../support/mcp-client";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { addCustomerMessage } from "@/lib/services/tickets/add-customer-message";
import { prisma } from "@/lib/db";

type CallResult = { isError?: boolean; structuredContent?: unknown; content?: unknown };
type AnyClient = {
  listTools: () => Promise<{ tools: { name: string }[] }>;
  callTool: (params: { name: string; arguments: Record<string, unknown> }) => Promise<unknown>;
  close: () => Promise<void>;
};

let ws: TestWorkspace;
const stale = { messageId: "" };
const tokens: Record<"admin" | "agent" | "org" | "keys", string> = { admin: "", agent: "", org: "", keys: "" };

beforeAll(async () => {
  ws = await createTestWorkspace("errors");
  tokens.admin = (await createPersonalToken(ws.admin, { name: "Lister" })).secret;
  tokens.agent = (await createPersonalToken(ws.agent, { name: "Agent" })).secret;
  tokens.org = (await createApiKey(ws.admin, { name: "Org sync", org_level: true })).secret;
  tokens.keys = (
    await createApiKey(ws.admin, { name: "Key manager", org_level: true, scopes: ["api-keys:write", "mcp:read"] })
  ).secret;
  // A ticket the customer wrote on again after its first message: a write that saw only the first conflicts.
  const ticket = await prisma.ticket.findUniqueOrThrow({
    where: { workspaceId_number: { workspaceId: ws.workspace.id, number: ws.tickets[2]!.ticket } },
    select: { id: true, messages: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  stale.messageId = ticket.messages[0]!.id;
  await prisma.$transaction((tx) =>
    addCustomerMessage(tx, ws.owner, {
      ticketId: ticket.id,
      body: "One more thing.",
      email: "late@example.com",
      reopen: true,
    }),
  );
});

/**
 * A client that lists tools as an admin (so it holds every output schema) and
 * then calls with whichever credential a case needs: a connection whose
 * credential lost rights after listing, as when a role changes mid-session.
 */
async function connect(major: 1 | 2) {
  const bearer = { token: tokens.admin };
  const fetchWithBearer: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("Authorization", `Bearer ${bearer.token}`);
    return fetch(input, { ...init, headers });
  };
  const url = new URL(mcpEndpoint(ALL_TOOLSETS));
  const info = { name: `sdk-v${major}-errors`, version: "1.0.0" };
  let client: AnyClient;
  if (major === 1) {
    const c = new ClientV1(info);
    await c.connect(new TransportV1(url, { fetch: fetchWithBearer }));
    client = c as unknown as AnyClient;
  } else {
    const c = new ClientV2(info, MODERN_CLIENT_OPTIONS);
    await c.connect(new TransportV2(url, { fetch: fetchWithBearer }));
    client = c as unknown as AnyClient;
  }
  const listed = (await client.listTools()).tools.map((t) => t.name);
  return {
    listed,
    close: () => client.close(),
    async call(as: keyof typeof tokens, name: string, args: Record<string, unknown>) {
      bearer.token = tokens[as];
      try {
        return (await client.callTool({ name, arguments: args })) as CallResult;
      } finally {
        bearer.token = tokens.admin;
      }
    },
  };
}

function bodyOf(result: CallResult): Record<string, unknown> {
  const first = (result.content as { type: string; text: string }[])[0]!;
  expect(first.type).toBe("text");
  return JSON.parse(first.text) as Record<string, unknown>;
}

const CASES: {
  kind: string;
  as: keyof typeof tokens;
  tool: string;
  args: () => Record<string, unknown>;
  expect: Record<string, unknown>;
}[] = [
  {
    kind: "not_found",
    as: "admin",
    tool: "get_ticket",
    args: () => ({ ticket: 999_999 }),
    expect: { error: "not_found", message: "Ticket #999999 was not found in this workspace." },
  },
  {
    kind: "insufficient_scope",
    as: "keys",
    tool: "create_api_key",
    args: () => ({ name: "wider", scopes: ["mcp:write"] }),
    expect: { error: "insufficient_scope", required_scope: "mcp:write" },
  },
  {
    kind: "admin_required",
    as: "agent",
    tool: "list_api_keys",
    args: () => ({}),
    expect: { error: "admin_required", required_role: "admin" },
  },
  {
    kind: "user_required",
    as: "org",
    tool: "reply_to_ticket",
    args: () => ({ ticket: ws.tickets[0]!.ticket, body: "Hello" }),
    expect: { error: "user_required" },
  },
  {
    kind: "conflict",
    as: "admin",
    tool: "reply_to_ticket",
    args: () => ({ ticket: ws.tickets[2]!.ticket, body: "Hello", last_seen_message_id: stale.messageId }),
    expect: { error: "conflict", newer_messages: [expect.objectContaining({ author_type: "contact" })] },
  },
  {
    kind: "validation_error",
    as: "admin",
    tool: "get_ticket",
    args: () => ({ ticket: "first" }),
    expect: { error: "validation_error" },
  },
];

describe.each([1, 2] as const)("SDK %s.x client", (major) => {
  let client: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    client = await connect(major);
  });
  afterAll(async () => {
    await client?.close();
  });

  it.each(CASES)("reads $kind from $tool as a result with its message", async (c) => {
    expect(client.listed).toContain(c.tool);
    const result = await client.call(c.as, c.tool, c.args());
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const body = bodyOf(result);
    expect(body).toMatchObject(c.expect);
    expect(typeof body.message).toBe("string");
  });
});
