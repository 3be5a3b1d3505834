// One scenario through both official SDK majors on the one URL: 1.x speaks the 2025 revisions
// (initialize), 2.x speaks 2026-07-28 (server/discover, no session). Each connects, lists the
// tools, calls a read and a write tool, reads a resource, gets a prompt and completes an argument;
// the answers must be the same, apart from what each era is meant to differ in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectSdkMajor } from "../support/mcp-client";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { createTicket } from "@/lib/services/tickets/create-ticket";

type Content = { type: string; text?: string; uri?: string; resource?: { uri: string; text?: string } };
type ToolResult = { isError?: boolean; content: Content[]; structuredContent?: Record<string, unknown> };
type EraClient = {
  getServerVersion: () => { name: string; version: string } | undefined;
  getServerCapabilities: () => Record<string, unknown> | undefined;
  getInstructions: () => string | undefined;
  listTools: () => Promise<{ tools: { name: string; inputSchema: unknown; outputSchema?: unknown }[] }>;
  callTool: (params: { name: string; arguments: Record<string, unknown> }) => Promise<ToolResult>;
  readResource: (params: { uri: string }) => Promise<{ contents: { uri: string; mimeType?: string; text?: string }[] }>;
  getPrompt: (params: {
    name: string;
    arguments?: Record<string, string>;
  }) => Promise<{ messages: { role: string; content: Content }[] }>;
  complete: (params: {
    ref: { type: "ref/prompt"; name: string };
    argument: { name: string; value: string };
  }) => Promise<{ completion: { values: string[] } }>;
  close: () => Promise<void>;
};

let ws: TestWorkspace;
let token = "";
/** One ticket per era, made alike, so each era's write lands on a ticket of its own. */
const ticketOf = new Map<1 | 2, number>();
const open: EraClient[] = [];

beforeAll(async () => {
  ws = await createTestWorkspace("both-eras");
  token = (await createPersonalToken(ws.owner, { name: "Both eras" })).secret;
  await addTicketTags(ws.owner, { ticket: ws.tickets[0]!.ticket, tags: ["warranty-claim"] });
  for (const major of [1, 2] as const) {
    const created = await createTicket(ws.owner, {
      subject: "Scanner will not pair",
      body: "The scanner does not show up over Bluetooth.",
      contact_email: "pairing@example.com",
    });
    ticketOf.set(major, created.ticket);
  }
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
});

/** Text items that carry JSON, read as JSON, so what they say compares field by field. */
function parsedTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(parsedTexts);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === "text" && typeof inner === "string" && /^[[{]/.test(inner)) {
        try {
          return [key, parsedTexts(JSON.parse(inner))];
        } catch {
          return [key, inner];
        }
      }
      return [key, parsedTexts(inner)];
    }),
  );
}

/** Fields that name a moment or a row made during the call: equal in kind, not in value. */
function withoutMoments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMoments);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      /(_at|At)$/.test(key) && typeof inner === "string"
        ? "<time>"
        : key === "id" && typeof inner === "string"
          ? "<id>"
          : withoutMoments(inner),
    ]),
  );
}

/**
 * An answer as two eras can compare it: JSON texts read, the era's own ticket number replaced (each
 * era writes to a ticket of its own), and the moments and row ids made during the call masked.
 */
function comparable(value: unknown, number?: number): unknown {
  let text = JSON.stringify(parsedTexts(value)).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");
  if (number !== undefined)
    text = text
      .replaceAll(`deskbridge://tickets/${number}`, "deskbridge://tickets/N")
      .replaceAll(`#${number}`, "#N")
      .replaceAll(`"number":${number}`, '"number":"N"')
      .replaceAll(`"ticket":${number}`, '"ticket":"N"');
  return withoutMoments(JSON.parse(text));
}

async function scenario(major: 1 | 2) {
  const client = await connectSdkMajor<EraClient>(major, token, { name: "both-eras" });
  open.push(client);
  const own = ticketOf.get(major)!;
  const shared = ws.tickets[0]!.ticket;
  const { logging, ...capabilities } = client.getServerCapabilities() ?? {};
  const tools = (await client.listTools()).tools;
  const read = await client.callTool({ name: "get_ticket_context", arguments: { ticket: shared } });
  const write = await client.callTool({ name: "add_ticket_tags", arguments: { ticket: own, tags: ["pairing"] } });
  const resource = await client.readResource({ uri: `deskbridge://tickets/${own}` });
  const prompt = await client.getPrompt({ name: "summarize_ticket", arguments: { ticket: String(own) } });
  const completion = await client.complete({
    ref: { type: "ref/prompt", name: "triage_my_queue" },
    argument: { name: "tag", value: "warr" },
  });
  return {
    logging: logging !== undefined,
    answers: {
      server: client.getServerVersion()?.name,
      instructions: client.getInstructions(),
      capabilities,
      tools: tools.map((tool) => [tool.name, tool.inputSchema, tool.outputSchema]),
      read: comparable({ isError: read.isError ?? false, structured: read.structuredContent, content: read.content }),
      write: comparable({ isError: write.isError ?? false, structured: write.structuredContent }, own),
      resource: comparable(resource.contents, own),
      prompt: comparable(prompt.messages, own),
      completion: completion.completion.values,
    },
  };
}

describe("the same scenario through SDK 1.x (2025 revisions) and 2.x (2026-07-28)", () => {
  it("gets the same answers from both eras, and logging only on the 2025 revisions", async () => {
    const legacy = await scenario(1);
    const modern = await scenario(2);

    // What a person would check first: each era did the work.
    expect(legacy.answers.server).toBe("deskbridge");
    expect(legacy.answers.tools.map(([name]) => name)).toEqual(
      expect.arrayContaining(["get_ticket_context", "add_ticket_tags", "reply_to_ticket"]),
    );
    expect(legacy.answers.read).toMatchObject({ isError: false });
    expect(JSON.stringify(legacy.answers.read)).toContain("Refund for double charge");
    expect(legacy.answers.write).toMatchObject({ isError: false });
    expect(JSON.stringify(legacy.answers.write)).toContain("pairing");
    expect(JSON.stringify(legacy.answers.resource)).toContain("Scanner will not pair");
    expect(JSON.stringify(legacy.answers.prompt)).toContain("Scanner will not pair");
    expect(legacy.answers.completion).toEqual(["warranty-claim"]);

    // And the other era answered exactly the same.
    expect(modern.answers).toEqual(legacy.answers);

    // The one intended difference: logging is a 2025 capability that 2026-07-28 deprecates.
    expect(legacy.logging).toBe(true);
    expect(modern.logging).toBe(false);
  });
});
