import "server-only";
import { prisma } from "@/lib/db";
import type { DomainEvent } from "@/lib/events/types";

// What a receiver gets: `{ type, timestamp, data }`, with data in stable public shapes (numbers,
// names, emails, never internal secrets). Built once per event when it is fanned out, so every
// endpoint, retry and resend of that event carries the same body.

const TICKET_SELECT = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  channel: true,
  createdAt: true,
  updatedAt: true,
  resolvedAt: true,
  assignee: { select: { name: true, email: true } },
  team: { select: { name: true } },
  contact: { select: { name: true, email: true, company: true } },
  caseStatus: { select: { name: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

async function ticketShape(workspaceId: string, ticketId: string) {
  const t = await prisma.ticket.findFirst({ where: { workspaceId, id: ticketId }, select: TICKET_SELECT });
  if (!t) return null;
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    sub_status: t.caseStatus?.name ?? null,
    priority: t.priority,
    channel: t.channel,
    assignee: t.assignee ? { name: t.assignee.name, email: t.assignee.email } : null,
    team: t.team ? { name: t.team.name } : null,
    contact: t.contact ? { name: t.contact.name, email: t.contact.email, company: t.contact.company } : null,
    tags: t.tags.map((x) => x.tag.name),
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    resolved_at: t.resolvedAt?.toISOString() ?? null,
  };
}

async function messageShape(workspaceId: string, messageId: string) {
  const m = await prisma.message.findFirst({
    where: { workspaceId, id: messageId },
    select: {
      id: true,
      kind: true,
      authorType: true,
      body: true,
      createdAt: true,
      authorUser: { select: { name: true, email: true } },
      authorContact: { select: { name: true, email: true } },
    },
  });
  if (!m) return null;
  const author = m.authorUser ?? m.authorContact;
  return {
    id: m.id,
    kind: m.kind,
    author: { type: m.authorType, name: author?.name ?? null, email: author?.email ?? null },
    body: m.body,
    created_at: m.createdAt.toISOString(),
  };
}

async function contactShape(workspaceId: string, contactId: string) {
  const c = await prisma.contact.findFirst({
    where: { workspaceId, id: contactId },
    select: { id: true, name: true, email: true, phone: true, company: true, createdAt: true },
  });
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    created_at: c.createdAt.toISOString(),
  };
}

/** Scalars and small objects of the event's own data, minus internal ids a receiver cannot use. */
function publicFacts(data: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}

export async function webhookData(event: DomainEvent): Promise<Record<string, unknown>> {
  const { workspaceId, data } = event;
  const ticket = event.ticketId ? await ticketShape(workspaceId, event.ticketId) : undefined;
  switch (event.type) {
    case "message.created": {
      const id = typeof data.message_id === "string" ? data.message_id : null;
      return { ticket, message: id ? await messageShape(workspaceId, id) : null };
    }
    case "ticket.status_changed":
      return { ticket, ...publicFacts(data, ["from", "to"]) };
    case "ticket.updated":
      return { ticket, ...publicFacts(data, ["action", "changes"]) };
    case "contact.created": {
      const id = typeof data.contact_id === "string" ? data.contact_id : null;
      return {
        contact: (id ? await contactShape(workspaceId, id) : null) ?? publicFacts(data, ["name", "email"]),
      };
    }
    case "csat.rated":
      return { ticket, rating: publicFacts(data, ["score", "satisfied", "comment", "scale", "rating"]) };
    default:
      return {
        ticket,
        ...publicFacts(data, ["first_response_due_at", "resolution_due_at", "due_at", "target", "missed"]),
      };
  }
}

/** The request body for an event, exactly as it is signed and sent. */
export async function webhookBody(event: DomainEvent): Promise<string> {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: await webhookData(event) });
}
