// Attachments through the real HTTP route with the official MCP SDK client: add_attachment with the
// content type sniffed from the bytes, get_attachment's resource link and inline text, the size and
// count limits and bad base64 answered with the field named, the signed download route (inline
// images, everything else a download, nosniff), forged and moved links refused, and no way into
// another workspace's files, neither by tool nor by link nor by a signed-in session of another workspace.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { callTool as call, callToolOk as ok, connectMcp } from "../support/mcp-client";
import { signIn } from "../support/oauth-http";
import { prisma } from "@/lib/db";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_BASE64_ATTACHMENT_BYTES } from "@/lib/validations/attachments";

let ws: TestWorkspace;
let other: TestWorkspace;
let agent: Client;
let outsider: Client;
let reader: Client;
const clients: Client[] = [];

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64");

async function add(client: Client, args: Record<string, unknown>) {
  return ok(client, "add_attachment", args);
}

beforeAll(async () => {
  ws = await createTestWorkspace("attach");
  other = await createTestWorkspace("attach-other");
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  outsider = await connectMcp((await createPersonalToken(other.admin, { name: "Other workspace" })).secret);
  const readKey = await createApiKey(ws.admin, {
    name: "attachment reader",
    scopes: ["attachments:read", "tickets:read"],
    org_level: true,
  });
  reader = await connectMcp(readKey.secret);
  clients.push(agent, outsider, reader);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe("add_attachment and get_attachment", () => {
  it("stores a file with the type read from its bytes, records it in the history, and links to it", async () => {
    const ticket = ws.tickets[0]!.ticket;
    // Named and claimed as a PDF, but the bytes are a PNG.
    const added = await add(agent, { ticket, filename: "../../scan.pdf", content_base64: b64(PNG) });
    expect(added).toMatchObject({
      ticket,
      filename: "scan.pdf",
      content_type: "image/png",
      size: PNG.length,
      inline_preview: true,
      message_id: null,
      via: "mcp",
      uploaded_by: { type: "agent", id: ws.users.agent },
    });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);

    const activity = await prisma.ticketActivity.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, action: "attachment_added" },
      select: { actorUserId: true, via: true, credentialName: true, changes: true },
    });
    expect(activity).toMatchObject({
      actorUserId: ws.users.agent,
      via: "mcp",
      credentialName: "Agent client",
      changes: { attachment_id: added.id, filename: "scan.pdf", content_type: "image/png" },
    });

    const result = await reader.callTool({ name: "get_attachment", arguments: { id: added.id } });
    expect(result.isError).toBeFalsy();
    const link = (result.content as { type: string; uri?: string; name?: string; mimeType?: string }[]).find(
      (c) => c.type === "resource_link",
    );
    expect(link).toMatchObject({ name: "scan.pdf", mimeType: "image/png" });
    expect(link!.uri).toBe((result.structuredContent as { download_url: string }).download_url);
    expect((result.structuredContent as { text: string | null }).text).toBeNull();

    const res = await fetch(link!.uri!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="scan.pdf"/);
    expect(res.headers.get("x-content-type-options")).toContain("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("returns short text inline and serves text, HTML and SVG as downloads, never inline", async () => {
    const ticket = ws.tickets[0]!.ticket;
    const text = await add(agent, { ticket, filename: "notes.txt", content_base64: b64("Grüße\nline two\n") });
    const got = await ok(reader, "get_attachment", { id: text.id });
    expect(got).toMatchObject({ content_type: "text/plain; charset=utf-8", text: "Grüße\nline two\n" });
    for (const [filename, body] of [
      ["page.html", "<!doctype html><script>alert(document.cookie)</script>"],
      ["logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ] as const) {
      const file = await add(agent, { ticket, filename, content_base64: b64(body) });
      expect(file).toMatchObject({ content_type: "text/plain; charset=utf-8", inline_preview: false });
      const res = await fetch(file.download_url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${filename}"`));
      expect(res.headers.get("x-content-type-options")).toContain("nosniff");
      await res.arrayBuffer();
    }
  });

  it("attaches under a message, and listings show it", async () => {
    const ticket = ws.tickets[1]!.ticket;
    const messages = await ok(agent, "list_ticket_messages", { ticket });
    const messageId = messages.items[0].id as string;
    const added = await add(agent, {
      ticket,
      filename: "report.pdf",
      content_base64: b64("%PDF-1.7\n%âãÏÓ\n"),
      message_id: messageId,
    });
    expect(added).toMatchObject({ content_type: "application/pdf", message_id: messageId });

    const listed = await ok(agent, "list_ticket_messages", { ticket });
    expect(listed.items[0].attachments).toEqual([
      { id: added.id, filename: "report.pdf", content_type: "application/pdf", size: added.size },
    ]);
    expect((await ok(agent, "get_ticket", { ticket })).attachment_count).toBe(1);
    const all = await ok(reader, "list_ticket_attachments", { ticket });
    expect(all.items.map((a: { id: string }) => a.id)).toEqual([added.id]);
    const res = await fetch(all.items[0].download_url);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="report.pdf"/);
    await res.arrayBuffer();

    // A message of another ticket is not this ticket's.
    const elsewhere = await call(agent, "add_attachment", {
      ticket: ws.tickets[2]!.ticket,
      filename: "x.txt",
      content_base64: b64("x"),
      message_id: messageId,
    });
    expect(elsewhere).toMatchObject({ isError: true, body: { error: "not_found" } });
  });
});

describe("limits and bad input", () => {
  it("refuses a file over the base64 cap, naming content_base64", async () => {
    const big = Buffer.alloc(MAX_BASE64_ATTACHMENT_BYTES + 1, 1).toString("base64");
    const { isError, body } = await call(agent, "add_attachment", {
      ticket: ws.tickets[0]!.ticket,
      filename: "big.bin",
      content_base64: big,
    });
    expect(isError).toBe(true);
    expect(body.error).toBe("validation_error");
    expect(body.fields.content_base64[0]).toMatch(
      /^content_base64 decodes to 5,242,881 bytes, over add_attachment's limit of 5 MB$/,
    );
  });

  it("refuses text that is not base64, naming content_base64", async () => {
    const { isError, body } = await call(agent, "add_attachment", {
      ticket: ws.tickets[0]!.ticket,
      filename: "x.txt",
      content_base64: "this is not base64!",
    });
    expect(isError).toBe(true);
    expect(body).toMatchObject({ error: "validation_error" });
    expect(body.fields.content_base64[0]).toMatch(/not valid base64/);
  });

  it(`takes at most ${MAX_ATTACHMENTS_PER_MESSAGE} files under one message`, async () => {
    const ticket = ws.tickets[2]!.ticket;
    const messageId = (await ok(agent, "list_ticket_messages", { ticket })).items[0].id as string;
    for (let i = 0; i < MAX_ATTACHMENTS_PER_MESSAGE; i++)
      await add(agent, { ticket, filename: `f${i}.txt`, content_base64: b64(`file ${i}`), message_id: messageId });
    const { isError, body } = await call(agent, "add_attachment", {
      ticket,
      filename: "one-too-many.txt",
      content_base64: b64("x"),
      message_id: messageId,
    });
    expect(isError).toBe(true);
    expect(body).toMatchObject({
      error: "limit_reached",
      fields: { content_base64: [expect.stringMatching(/at most 10/)] },
    });
  });

  it("needs attachments:write to add and attachments:read to read", async () => {
    const { body } = await call(reader, "add_attachment", {
      ticket: ws.tickets[0]!.ticket,
      filename: "x.txt",
      content_base64: b64("x"),
    });
    expect(body).toMatchObject({ error: "insufficient_scope", required_scope: "attachments:write" });
  });
});

describe("another workspace", () => {
  let secret: Record<string, any>;
  beforeAll(async () => {
    secret = await add(agent, {
      ticket: ws.tickets[0]!.ticket,
      filename: "payroll.txt",
      content_base64: b64("salaries\n"),
    });
  });

  it("cannot read or list this workspace's files through its tools", async () => {
    expect(await call(outsider, "get_attachment", { id: secret.id })).toMatchObject({
      isError: true,
      body: { error: "not_found" },
    });
    // The same ticket number in the other workspace is its own ticket, without these files.
    const theirs = await ok(outsider, "list_ticket_attachments", { ticket: ws.tickets[0]!.ticket });
    expect(theirs.items.map((a: { id: string }) => a.id)).not.toContain(secret.id);
  });

  it("cannot turn its own link into one for this workspace's file", async () => {
    const own = await add(outsider, {
      ticket: other.tickets[0]!.ticket,
      filename: "mine.txt",
      content_base64: b64("mine\n"),
    });
    const ownUrl = new URL(own.download_url);
    const swapped = `${ownUrl.origin}/api/v1/attachments/${secret.id}${ownUrl.search}`;
    const res = await fetch(swapped);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not_found", message: "Attachment was not found in this workspace." });
  });

  it("a signed-in agent of another workspace gets 404 for a valid link; its own workspace's agent gets the file", async () => {
    const outsiderSession = await signIn(other.emails.agent);
    const refused = await outsiderSession.fetch(secret.download_url);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("salaries");
    const insider = await signIn(ws.emails.agent);
    const allowed = await insider.fetch(secret.download_url);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe("salaries\n");
  });
});

describe("signed download links", () => {
  let file: Record<string, any>;
  beforeAll(async () => {
    file = await add(agent, { ticket: ws.tickets[0]!.ticket, filename: "a.txt", content_base64: b64("a\n") });
  });

  it("refuse a forged signature, a moved expiry and a missing signature, all alike", async () => {
    const url = new URL(file.download_url);
    const sig = url.searchParams.get("sig")!;
    const exp = Number(url.searchParams.get("exp"));
    const variants = [
      `${url.origin}${url.pathname}?exp=${exp}&sig=${(sig[0] === "A" ? "B" : "A") + sig.slice(1)}`,
      `${url.origin}${url.pathname}?exp=${exp + 86_400}&sig=${sig}`,
      `${url.origin}${url.pathname}?exp=${exp - 7_200}&sig=${sig}`,
      `${url.origin}${url.pathname}`,
      `${url.origin}/api/v1/attachments/nonexistent${url.search}`,
    ];
    for (const variant of variants) {
      const res = await fetch(variant);
      expect(res.status, variant).toBe(404);
      expect(res.headers.get("cache-control")).toBe("no-store");
      await res.arrayBuffer();
    }
    const good = await fetch(file.download_url);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("a\n");
  });
});
