// In-app notifications through the real HTTP route with the official MCP SDK client: an assignment
// by someone else, a mention in an internal note, a customer's reply on your ticket and an SLA target
// due soon each notify the right agent (made by the app's event consumer within seconds); the agent
// lists them and marks them read; email goes out for the types the agent chose.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { connectMcp, callTool as call, callToolOk as ok } from "../support/mcp-client";
import { prisma } from "@/lib/db";
import { emitEvent } from "@/lib/events/emit";
import { createApiKey } from "@/lib/services/credentials/create-api-key";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { createSlaPolicy } from "@/lib/services/sla/create-sla-policy";
import { emitSlaDueSoon } from "@/lib/services/sla/emit-sla-due-soon";
import { updateNotificationPreferences } from "@/lib/services/notifications/preferences";
import { until } from "../support/until";

let ws: TestWorkspace;
let admin: Client;
let agent: Client;
let agent2: Client;
let orgKey: Client;
const clients: Client[] = [];

type Note = {
  id: string;
  type: string;
  title: string;
  body: string | null;
  ticket: { number: number } | null;
  actor: { id: string } | null;
  read: boolean;
};

async function notificationsOf(client: Client, ticket: number, type: string): Promise<Note[]> {
  const { items } = await ok(client, "list_notifications", { limit: 100 });
  return (items as Note[]).filter((n) => n.ticket?.number === ticket && n.type === type);
}

let n = 0;
async function newTicket(subject: string) {
  n += 1;
  const created = await ok(admin, "create_ticket", {
    subject,
    body: "Hello",
    contact_email: `notify${n}.${ws.slug}@example.com`,
  });
  return created.ticket as number;
}

beforeAll(async () => {
  ws = await createTestWorkspace("notify");
  admin = await connectMcp((await createPersonalToken(ws.admin, { name: "Admin client" })).secret);
  agent = await connectMcp((await createPersonalToken(ws.agent, { name: "Agent client" })).secret);
  agent2 = await connectMcp((await createPersonalToken(ws.agent2, { name: "Agent 2 client" })).secret);
  const key = await createApiKey(ws.admin, {
    name: "org",
    scopes: ["mcp:read", "mcp:write"] as never,
    org_level: true,
  });
  orgKey = await connectMcp(key.secret);
  clients.push(admin, agent, agent2, orgKey);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe("notifications", () => {
  it("an assignment by someone else notifies the assignee (and emails them); assigning yourself does not", async () => {
    const ticket = await newTicket("Assign me please");
    await ok(admin, "assign_ticket", { ticket, assignee: ws.users.agent });
    const [note] = await until("the assignment notification", async () => {
      const found = await notificationsOf(agent, ticket, "assigned");
      return found.length ? found : null;
    });
    expect(note).toMatchObject({
      read: false,
      actor: { id: ws.users.admin },
      title: expect.stringContaining(`#${ticket}`),
    });
    // Assigned is emailed by default.
    const mail = await until("the notification email", () =>
      prisma.mailMessage.findFirst({
        where: { workspaceId: ws.workspace.id, purpose: "notification", to: { has: ws.emails.agent } },
        select: { subject: true },
      }),
    );
    expect(mail.subject).toBe(note!.title);

    const own = await newTicket("I take this one");
    await ok(agent2, "assign_ticket", { ticket: own, assignee: "me" });
    // The dispatcher hands events on in order: once a later assignment's notification exists, the
    // self-assignment's event has been handled too.
    const later = await newTicket("Later assignment");
    await ok(admin, "assign_ticket", { ticket: later, assignee: ws.users.agent2 });
    await until("the later notification", async () => (await notificationsOf(agent2, later, "assigned")).length > 0);
    expect(await notificationsOf(agent2, own, "assigned")).toEqual([]);
  });

  it("a mention in an internal note notifies that agent, not the writer; an unknown handle notifies nobody", async () => {
    const ticket = await newTicket("Needs a second look");
    const handle = ws.emails.agent.split("@")[0];
    await ok(agent2, "add_internal_note", { ticket, body: `@${handle} can you check the invoice? cc @nobody-here` });
    const [note] = await until("the mention notification", async () => {
      const found = await notificationsOf(agent, ticket, "mention");
      return found.length ? found : null;
    });
    expect(note).toMatchObject({
      actor: { id: ws.users.agent2 },
      body: expect.stringContaining("can you check the invoice"),
    });
    expect(await notificationsOf(agent2, ticket, "mention")).toEqual([]);
  });

  it("a customer's reply on an assigned ticket notifies the assignee", async () => {
    const ticket = await newTicket("Waiting for the customer");
    await ok(admin, "assign_ticket", { ticket, assignee: ws.users.agent2 });
    // The inbound channel writes the customer's message and its event this way (email lands here later).
    const row = await prisma.ticket.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, number: ticket },
      select: { id: true, contactId: true },
    });
    await prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          workspaceId: ws.workspace.id,
          ticketId: row.id,
          authorType: "contact",
          authorContactId: row.contactId,
          body: "Here is the screenshot you asked for.",
          via: "system",
        },
        select: { id: true },
      });
      await emitEvent(
        tx,
        { workspaceId: ws.workspace.id, userId: null, role: null, via: "system" },
        {
          type: "message.created",
          ticketId: row.id,
          data: { message_id: message.id, kind: "reply", author_type: "contact" },
        },
      );
    });
    const [note] = await until("the reply notification", async () => {
      const found = await notificationsOf(agent2, ticket, "reply");
      return found.length ? found : null;
    });
    expect(note).toMatchObject({ actor: null, body: "Here is the screenshot you asked for." });
  });

  it("an SLA target due within 30 minutes warns the assignee once", async () => {
    await createSlaPolicy(ws.admin, {
      name: "Quick lane",
      tag: "quick-lane",
      business_hours: false,
      targets: { normal: { first_response_minutes: 20 } },
    });
    const created = await ok(admin, "create_ticket", {
      subject: "Fast answer needed",
      body: "Hello",
      contact_email: `sla.${ws.slug}@example.com`,
      tags: ["quick-lane"],
    });
    const ticket = created.ticket as number;
    await ok(admin, "assign_ticket", { ticket, assignee: ws.users.agent });
    const row = await prisma.ticket.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, number: ticket },
      select: { id: true },
    });
    await emitSlaDueSoon();
    await emitSlaDueSoon();
    const events = await prisma.domainEvent.findMany({
      where: { ticketId: row.id, type: "sla.due_soon" },
      select: { data: true },
    });
    expect(events).toEqual([{ data: expect.objectContaining({ target: "first_response", number: ticket }) }]);
    const [note] = await until("the SLA warning", async () => {
      const found = await notificationsOf(agent, ticket, "sla_due_soon");
      return found.length ? found : null;
    });
    expect(note!.title).toContain("First response due soon");
  });

  it("the agent lists unread ones and marks one, then all, read; nobody else's are touched", async () => {
    const before = await ok(agent, "list_notifications", { unread: true });
    expect(before.unread_count).toBeGreaterThanOrEqual(3);
    expect(before.items.every((i: Note) => !i.read)).toBe(true);
    const first = before.items[0] as Note;

    // Another agent cannot mark them.
    expect(await ok(agent2, "mark_notifications_read", { ids: [first.id] })).toMatchObject({ marked: 0 });

    const one = await ok(agent, "mark_notifications_read", { ids: [first.id] });
    expect(one).toEqual({ marked: 1, unread_count: before.unread_count - 1 });
    const after = await ok(agent, "list_notifications", { unread: true });
    expect(after.items.map((i: Note) => i.id)).not.toContain(first.id);

    const all = await ok(agent, "mark_notifications_read", { all: true });
    expect(all).toEqual({ marked: before.unread_count - 1, unread_count: 0 });
    expect((await ok(agent, "list_notifications", { unread: true })).items).toEqual([]);
    expect((await ok(agent2, "list_notifications", { unread: true })).unread_count).toBeGreaterThan(0);
  });

  it("refuses an org-level key (notifications belong to a user) and a request with both ids and all", async () => {
    const org = await call(orgKey, "list_notifications", {});
    expect(org.isError).toBe(true);
    expect(org.body.error).toBe("user_required");
    const both = await call(agent, "mark_notifications_read", { ids: ["x"], all: true });
    expect(both.isError).toBe(true);
    expect(both.body.error).toBe("validation_error");
  });

  it("email follows the agent's preferences", async () => {
    await updateNotificationPreferences(ws.agent2, { email: [] });
    const ticket = await newTicket("No email for this");
    await ok(admin, "assign_ticket", { ticket, assignee: ws.users.agent2 });
    const [note] = await until("the notification", async () => {
      const found = await notificationsOf(agent2, ticket, "assigned");
      return found.length ? found : null;
    });
    const mails = await prisma.mailMessage.count({
      where: { workspaceId: ws.workspace.id, purpose: "notification", subject: note!.title },
    });
    expect(mails).toBe(0);
  });
});
