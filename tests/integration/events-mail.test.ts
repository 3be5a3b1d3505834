// The events outbox and the mail sender on the suite's running app: a ticket change writes its events
// in its own transaction and the app's dispatcher hands them on within seconds; a change that fails
// writes none; queued mail is built by the real sender and kept in the dev outbox (no SMTP_URL here).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { prisma } from "@/lib/db";
import { getJobQueue } from "@/lib/jobs/queue";
import { queueMail } from "@/lib/mail/queue-mail";
import { encryptSecret } from "@/lib/credentials/encryption";
import { addInternalNote } from "@/lib/services/tickets/add-internal-note";
import { addTicketTags } from "@/lib/services/tickets/add-ticket-tags";
import { assignTicket } from "@/lib/services/tickets/assign-ticket";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { until } from "../support/until";

// The endpoint below is stored by this process; only its subscription matters here, never its secret.
process.env.SECRET_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("events");
});

afterAll(async () => {
  await getJobQueue().stop();
});

describe("domain events", () => {
  it("a new ticket reports the ticket, its first message and its new contact, and they are dispatched", async () => {
    const created = await createTicket(ws.owner, {
      subject: "Where is my parcel",
      body: "It has been two weeks",
      contact_email: `parcel.${ws.slug}@example.com`,
    });
    const ticket = await prisma.ticket.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, number: created.ticket },
      select: { id: true },
    });
    const events = await prisma.domainEvent.findMany({
      where: { workspaceId: ws.workspace.id, createdAt: { gte: new Date(Date.now() - 60_000) } },
      orderBy: { createdAt: "asc" },
    });
    const types = events.filter((e) => e.ticketId === ticket.id || e.type === "contact.created").map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["contact.created", "ticket.created", "message.created"]));
    const message = events.find((e) => e.type === "message.created" && e.ticketId === ticket.id)!;
    expect(message.data).toMatchObject({ kind: "reply", author_type: "contact" });
    expect(message.actorUserId).toBe(ws.owner.userId);

    await until("the app's dispatcher to take the events", async () => {
      const waiting = await prisma.domainEvent.count({ where: { ticketId: ticket.id, dispatchedAt: null } });
      return waiting === 0;
    });
  });

  it("an existing contact writing again is not reported as new", async () => {
    const email = `again.${ws.slug}@example.com`;
    await createTicket(ws.owner, { subject: "First", body: "one", contact_email: email });
    await createTicket(ws.owner, { subject: "Second", body: "two", contact_email: email });
    const contact = await prisma.contact.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, email } });
    const reported = await prisma.domainEvent.findMany({
      where: { workspaceId: ws.workspace.id, type: "contact.created" },
      select: { data: true },
    });
    expect(reported.filter((e) => (e.data as { contact_id?: string }).contact_id === contact.id)).toHaveLength(1);
  });

  it("replies, notes, status and assignment changes say what changed, with ids", async () => {
    const number = ws.tickets[0]!.ticket;
    const ticket = await prisma.ticket.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, number },
      select: { id: true, status: true },
    });
    const since = new Date();
    await assignTicket(ws.owner, { ticket: number, assignee: ws.users.agent });
    await addInternalNote(ws.owner, { ticket: number, body: "Checking with billing" });
    await replyToTicket(ws.owner, { ticket: number, body: "We are on it" });
    const events = await prisma.domainEvent.findMany({
      where: { ticketId: ticket.id, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { type: true, data: true },
    });
    const assigned = events.find(
      (e) => e.type === "ticket.updated" && (e.data as { action: string }).action === "assign",
    );
    expect(assigned?.data).toMatchObject({ assignee_id: ws.users.agent });
    const messages = events.filter((e) => e.type === "message.created").map((e) => e.data);
    expect(messages).toEqual([
      expect.objectContaining({ kind: "note", author_type: "agent" }),
      expect.objectContaining({ kind: "reply", author_type: "agent" }),
    ]);
    if (ticket.status === "open") {
      expect(events.find((e) => e.type === "ticket.status_changed")?.data).toEqual({ from: "open", to: "pending" });
    }
  });

  it("a change that fails writes no event", async () => {
    const before = await prisma.domainEvent.count({ where: { workspaceId: ws.workspace.id } });
    await expect(replyToTicket(ws.owner, { ticket: 999_999, body: "Nobody reads this" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await prisma.domainEvent.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
  });
});

describe("dispatch", () => {
  /**
   * The consumers the app's dispatcher gave a job for the event, once it has dispatched it. A dispatch
   * job's payload is the event id alone; the jobs a consumer queues in turn (a webhook delivery) carry
   * more and are not dispatch.
   */
  async function consumersOf(eventId: string) {
    await until("the event dispatched", () =>
      prisma.domainEvent.count({ where: { id: eventId, dispatchedAt: { not: null } } }),
    );
    const jobs = await prisma.$queryRaw<{ name: string }[]>`
      SELECT name FROM pgboss.job WHERE data = jsonb_build_object('eventId', ${eventId}::text) ORDER BY name`;
    return jobs.map((job) => job.name);
  }
  async function tagEvent(t: TestWorkspace, tag: string) {
    const number = t.tickets[0]!.ticket;
    await addTicketTags(t.owner, { ticket: number, tags: [tag] });
    const event = await prisma.domainEvent.findFirstOrThrow({
      where: { workspaceId: t.workspace.id, type: "ticket.updated", data: { path: ["action"], equals: "tags_added" } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    return event.id;
  }

  it("gives an event only to the consumers with work for it: a webhook consumer once an endpoint subscribes", async () => {
    const t = await createTestWorkspace("quiet-events");
    // No endpoint, no rule, nobody to notify, no mail: tagging a ticket makes no job at all.
    expect(await consumersOf(await tagEvent(t, "first"))).toEqual([]);

    const endpoint = await prisma.webhookEndpoint.create({
      data: {
        workspaceId: t.workspace.id,
        url: "https://hooks.example.com/deskbridge",
        eventTypes: ["ticket.updated"],
        secret: encryptSecret("whsec_dGVzdC1vbmx5LXNlY3JldC1mb3ItZGlzcGF0Y2g="),
      },
    });
    try {
      expect(await consumersOf(await tagEvent(t, "second"))).toEqual(["webhook-events"]);
    } finally {
      await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
    }
  });

  it("gives an assignment to someone else to the notifier, and one to oneself to nobody", async () => {
    const t = await createTestWorkspace("notify-events");
    const number = t.tickets[0]!.ticket;
    const lastAssign = async () =>
      (
        await prisma.domainEvent.findFirstOrThrow({
          where: { workspaceId: t.workspace.id, type: "ticket.updated", data: { path: ["action"], equals: "assign" } },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      ).id;
    await assignTicket(t.owner, { ticket: number, assignee: t.users.agent });
    expect(await consumersOf(await lastAssign())).toEqual(["notify-on-event"]);
    await assignTicket(t.owner, { ticket: number, assignee: "me" });
    expect(await consumersOf(await lastAssign())).toEqual([]);
  });
});

describe("mail", () => {
  it("queued mail is built by the sender and kept in the dev outbox, once per idempotency key", async () => {
    const input = {
      workspaceId: ws.workspace.id,
      to: ["customer@example.com"],
      subject: "Your ticket",
      text: "Hello there",
      html: "<p>Hello there</p>",
      headers: { "Auto-Submitted": "auto-replied" },
      purpose: "test",
    };
    const first = await queueMail(input, { idempotencyKey: `outbox-${ws.slug}` });
    const second = await queueMail(input, { idempotencyKey: `outbox-${ws.slug}` });
    expect(second).toMatchObject({ id: first.id, created: false });
    const sent = await until("the app's worker to send the mail", async () => {
      const row = await prisma.mailMessage.findUniqueOrThrow({ where: { id: first.id } });
      return row.status === "sent" ? row : null;
    });
    expect(sent.transport).toBe("outbox");
    expect(sent.raw).toContain(`Message-ID: <${first.messageId}>`);
    expect(sent.raw).toContain("Subject: Your ticket");
    expect(sent.raw).toContain("Auto-Submitted: auto-replied");
    expect(sent.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(await prisma.mailMessage.count({ where: { workspaceId: ws.workspace.id, purpose: "test" } })).toBe(1);
  });
});
