// Resources, prompts and completions through the official SDK clients, 1.x (2025 revisions) and 2.x
// (2026-07-28): ticket templates and reads under the tool's scopes, resources/list paged with a
// cursor, completion of ticket numbers and tag names, the built-in prompts and the shared macros as
// macro_<slug> prompts; and the 2026-07-28 discovery naming every revision and capability served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectSdkMajor, rpc } from "../support/mcp-client";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createArticle } from "@/lib/services/knowledge/create-article";
import { createMacro } from "@/lib/services/macros/create-macro";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { createTicket } from "@/lib/services/tickets/create-ticket";

type Content = { type: string; text?: string; uri?: string; resource?: { uri: string; text?: string } };
type AnyClient = {
  listResourceTemplates: () => Promise<{ resourceTemplates: { uriTemplate: string }[] }>;
  listResources: (params?: { cursor?: string }) => Promise<{ resources: { uri: string }[]; nextCursor?: string }>;
  readResource: (params: { uri: string }) => Promise<{ contents: { uri: string; text?: string; mimeType?: string }[] }>;
  complete: (params: {
    ref: { type: "ref/prompt"; name: string } | { type: "ref/resource"; uri: string };
    argument: { name: string; value: string };
  }) => Promise<{ completion: { values: string[]; hasMore?: boolean } }>;
  listPrompts: () => Promise<{ prompts: { name: string; arguments?: { name: string; required?: boolean }[] }[] }>;
  getPrompt: (params: {
    name: string;
    arguments?: Record<string, string>;
  }) => Promise<{ messages: { role: string; content: Content }[] }>;
  callTool: (params: { name: string; arguments: Record<string, unknown> }) => Promise<unknown>;
  close: () => Promise<void>;
};

let ws: TestWorkspace;
let full = "";
let contactsOnly = "";
const open: AnyClient[] = [];
const EXTRA_TICKETS = 55;

beforeAll(async () => {
  ws = await createTestWorkspace("resources");
  full = (await createPersonalToken(ws.owner, { name: "Resources client" })).secret;
  contactsOnly = (await createApiKey(ws.admin, { name: "Contacts only", scopes: ["contacts:read"], org_level: false }))
    .secret;
  for (let i = 0; i < EXTRA_TICKETS; i++) {
    await createTicket(ws.owner, { subject: `Printer jam ${i}`, body: "It jams.", contact_email: `p${i}@example.com` });
  }
  await addTicketTags(ws.owner, { ticket: ws.tickets[0]!.ticket, tags: ["billing-issue", "vip"] });
  await createArticle(ws.owner, {
    title: "Refunds and double charges",
    body: "We refund a double charge within five days.",
    publish: true,
  });
  await createMacro(ws.admin, {
    name: "Refund approved",
    shared: true,
    actions: { message: { kind: "reply", body: "Your refund is on its way." }, status: "pending" },
  });
  await createMacro(ws.admin, { name: "Refund: approved!", shared: true, actions: { priority: "high" } });
  await createMacro(ws.agent, { name: "My own macro", actions: { status: "pending" } });
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
});

async function connect(major: 1 | 2, token: string): Promise<AnyClient> {
  const client = await connectSdkMajor<AnyClient>(major, token, { name: "resources" });
  open.push(client);
  return client;
}

for (const major of [1, 2] as const) {
  describe(`SDK ${major}.x`, () => {
    it("lists the resource templates and reads a ticket and its conversation", async () => {
      const client = await connect(major, full);
      const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
      expect(templates).toEqual(
        expect.arrayContaining([
          "deskbridge://tickets/{number}",
          "deskbridge://tickets/{number}/conversation",
          "deskbridge://contacts/{contact}",
          "deskbridge://articles/{article}",
          "deskbridge://views/{view}",
        ]),
      );
      const number = ws.tickets[1]!.ticket;
      const read = await client.readResource({ uri: `deskbridge://tickets/${number}` });
      expect(read.contents[0]!.mimeType).toBe("application/json");
      const ticket = JSON.parse(read.contents[0]!.text!);
      expect(ticket).toMatchObject({ number, subject: "Export times out" });
      const conversation = JSON.parse(
        (await client.readResource({ uri: `deskbridge://tickets/${number}/conversation` })).contents[0]!.text!,
      );
      expect(conversation.items[0].body).toContain("CSV export spins forever");
      const article = JSON.parse(
        (await client.readResource({ uri: "deskbridge://articles/refunds-and-double-charges" })).contents[0]!.text!,
      );
      expect(article.title).toBe("Refunds and double charges");
    });

    it("refuses a read the credential's scopes do not cover, and hides what it cannot read", async () => {
      const client = await connect(major, contactsOnly);
      const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
      expect(templates).toEqual(["deskbridge://contacts/{contact}"]);
      await expect(client.readResource({ uri: `deskbridge://tickets/${ws.tickets[0]!.ticket}` })).rejects.toThrow(
        /tickets:read/,
      );
      const prompts = (await client.listPrompts()).prompts;
      expect(prompts).toEqual([]);
      const values = (
        await client.complete({
          ref: { type: "ref/resource", uri: "deskbridge://tickets/{number}" },
          argument: { name: "number", value: "1" },
        })
      ).completion.values;
      expect(values).toEqual([]);
    });

    it("an unknown resource is a clear error, not an empty read", async () => {
      const client = await connect(major, full);
      await expect(client.readResource({ uri: "deskbridge://tickets/999999" })).rejects.toThrow(/999999|not found/i);
      await expect(client.readResource({ uri: "deskbridge://invoices/1" })).rejects.toThrow(/Unknown resource/);
    });

    it("pages resources/list with a cursor until every ticket and contact is listed once", async () => {
      const client = await connect(major, full);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await client.listResources(cursor ? { cursor } : {});
        seen.push(...page.resources.map((r) => r.uri));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      // The 2.x client walks every page itself when called without a cursor; 1.x hands back one at a time.
      expect(pages).toBeGreaterThanOrEqual(major === 1 ? 3 : 1);
      expect(new Set(seen).size).toBe(seen.length);
      const tickets = seen.filter((uri) => /^deskbridge:\/\/tickets\/\d+$/.test(uri));
      expect(tickets).toHaveLength(EXTRA_TICKETS + ws.tickets.length);
      expect(seen).toContain("deskbridge://articles/refunds-and-double-charges");
      expect(seen.filter((uri) => uri.startsWith("deskbridge://contacts/")).length).toBeGreaterThanOrEqual(
        EXTRA_TICKETS,
      );
    });

    it("completes ticket numbers by prefix and by subject words, and tag names", async () => {
      const client = await connect(major, full);
      const byPrefix = (
        await client.complete({
          ref: { type: "ref/resource", uri: "deskbridge://tickets/{number}" },
          argument: { name: "number", value: "1" },
        })
      ).completion.values;
      expect(byPrefix.slice(0, 3)).toEqual(["1", "10", "11"]);
      expect(byPrefix.every((v) => v.startsWith("1"))).toBe(true);
      expect(byPrefix).toHaveLength(11);
      const bySubject = (
        await client.complete({
          ref: { type: "ref/prompt", name: "draft_reply" },
          argument: { name: "ticket", value: "refund" },
        })
      ).completion.values;
      expect(bySubject).toEqual([String(ws.tickets[0]!.ticket)]);
      const tags = (
        await client.complete({
          ref: { type: "ref/prompt", name: "triage_my_queue" },
          argument: { name: "tag", value: "bill" },
        })
      ).completion.values;
      expect(tags).toEqual(["billing-issue"]);
      const teams = (
        await client.complete({
          ref: { type: "ref/prompt", name: "weekly_support_report" },
          argument: { name: "team", value: "tech" },
        })
      ).completion.values;
      expect(teams).toEqual(["Technical"]);
    });

    it("lists the built-in prompts and each shared macro as a macro_ prompt with a unique name", async () => {
      const client = await connect(major, full);
      const names = (await client.listPrompts()).prompts.map((p) => p.name);
      expect(names).toEqual(
        expect.arrayContaining([
          "triage_my_queue",
          "draft_reply",
          "summarize_ticket",
          "weekly_support_report",
          "macro_refund-approved",
          "macro_refund-approved-2",
        ]),
      );
      expect(names.filter((n) => n.startsWith("macro_"))).toHaveLength(2);
    });

    it("gets a reply draft prompt with the ticket's conversation and the relevant article", async () => {
      const client = await connect(major, full);
      const number = ws.tickets[0]!.ticket;
      const prompt = await client.getPrompt({ name: "draft_reply", arguments: { ticket: String(number) } });
      const text = prompt.messages[0]!.content.text!;
      expect(text).toContain(`#${number}`);
      expect(text).toContain("Refund for double charge");
      expect(text).toContain("Refunds and double charges");
      expect(text).toContain("Refund approved");
      expect(prompt.messages[1]!.content.resource!.uri).toBe(`deskbridge://tickets/${number}`);
      const macro = await client.getPrompt({ name: "macro_refund-approved", arguments: { ticket: String(number) } });
      expect(macro.messages[0]!.content.text).toContain("Your refund is on its way.");
      await expect(client.getPrompt({ name: "draft_reply", arguments: {} })).rejects.toThrow(/ticket/);
    });

    it("get_ticket and search_tickets link the tickets they mention as resources", async () => {
      const client = await connect(major, full);
      const number = ws.tickets[2]!.ticket;
      const got = (await client.callTool({ name: "get_ticket", arguments: { ticket: number } })) as {
        content: Content[];
      };
      expect(got.content.filter((c) => c.type === "resource_link").map((c) => c.uri)).toEqual([
        `deskbridge://tickets/${number}`,
        `deskbridge://tickets/${number}/conversation`,
      ]);
      const found = (await client.callTool({ name: "search_tickets", arguments: { q: "invite" } })) as {
        content: Content[];
      };
      expect(found.content.filter((c) => c.type === "resource_link").map((c) => c.uri)).toContain(
        `deskbridge://tickets/${number}`,
      );
    });
  });
}

describe("2026-07-28 over HTTP", () => {
  const envelope = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
    "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" },
  };
  const modern = (method: string) => ({ "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": method });

  it("server/discover names every revision served and the resources, prompts and completions capabilities", async () => {
    const res = await rpc(
      { jsonrpc: "2.0", id: 1, method: "server/discover", params: { _meta: envelope } },
      { token: full, headers: modern("server/discover") },
    );
    expect(res.status).toBe(200);
    expect(res.json?.result?.supportedVersions).toEqual(
      expect.arrayContaining(["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"]),
    );
    expect(res.json?.result?.capabilities).toMatchObject({ tools: {}, resources: {}, prompts: {}, completions: {} });
    expect(res.json?.result?.capabilities?.logging).toBeUndefined();
  });

  it("list results carry their result type and cache hints", async () => {
    const res = await rpc(
      { jsonrpc: "2.0", id: 2, method: "resources/templates/list", params: { _meta: envelope } },
      { token: full, headers: modern("resources/templates/list") },
    );
    expect(res.json?.result?.resultType).toBe("complete");
    expect(res.json?.result?.ttlMs).toBeTypeOf("number");
    expect(res.json?.result?.resourceTemplates.length).toBe(5);
  });

  it("resources/list answers one page at a time with a cursor to the next", async () => {
    const first = await rpc(
      { jsonrpc: "2.0", id: 3, method: "resources/list", params: { _meta: envelope } },
      { token: full, headers: modern("resources/list") },
    );
    expect(first.json?.result?.resources.length).toBe(50);
    const cursor = first.json?.result?.nextCursor as string;
    expect(cursor).toBeTypeOf("string");
    const second = await rpc(
      { jsonrpc: "2.0", id: 4, method: "resources/list", params: { cursor, _meta: envelope } },
      { token: full, headers: modern("resources/list") },
    );
    const firstUris = new Set(first.json!.result.resources.map((r: { uri: string }) => r.uri));
    expect(second.json?.result?.resources.length).toBeGreaterThan(0);
    expect(second.json!.result.resources.some((r: { uri: string }) => firstUris.has(r.uri))).toBe(false);
    const bad = await rpc(
      { jsonrpc: "2.0", id: 5, method: "resources/list", params: { cursor: "nonsense", _meta: envelope } },
      { token: full, headers: modern("resources/list") },
    );
    expect(bad.json?.error?.message).toContain("cursor");
  });
});
