import "server-only";
import { prisma } from "@/lib/db";
import type { DomainEvent } from "@/lib/events/types";
import { runOnce } from "@/lib/jobs/run-once";
import {
  createNotifications,
  mailNotifications,
  type NewNotification,
} from "@/lib/services/notifications/create-notifications";
import { mayNotify } from "@/lib/services/notifications/may-notify";
import { findMentionedAgents } from "@/lib/services/notifications/mentions";

export const NOTIFY_KIND = "notify-on-event";

const excerpt = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);

/**
 * The notifications one event makes: an assignment to someone other than the actor, mentions in an
 * internal note, a customer's reply on an assigned ticket (not the message that opened it), an SLA
 * target due soon on an assigned ticket.
 */
async function notificationsFor(event: DomainEvent): Promise<NewNotification[]> {
  if (!event.ticketId || !mayNotify(event)) return [];
  const ticket = await prisma.ticket.findFirst({
    where: { id: event.ticketId, workspaceId: event.workspaceId },
    select: { id: true, number: true, subject: true, assigneeId: true },
  });
  if (!ticket) return [];
  const actor = event.actorUserId
    ? await prisma.user.findUnique({ where: { id: event.actorUserId }, select: { name: true } })
    : null;
  const who = actor?.name ?? (event.via === "system" ? "An automation" : "Someone");
  const base = {
    workspaceId: event.workspaceId,
    ticketId: ticket.id,
    actorUserId: event.actorUserId,
    eventId: event.id,
  };
  const ref = `#${ticket.number} ${ticket.subject}`;

  if (event.type === "ticket.updated") {
    const assigneeId = str(event.data.assignee_id);
    if (!assigneeId || assigneeId === event.actorUserId || assigneeId === str(event.data.previous_assignee_id))
      return [];
    return [{ ...base, userId: assigneeId, type: "assigned", title: `${who} assigned you ${ref}` }];
  }

  if (event.type === "message.created") {
    const messageId = str(event.data.message_id);
    if (!messageId) return [];
    const message = await prisma.message.findFirst({
      where: { id: messageId, ticketId: ticket.id },
      select: { id: true, kind: true, authorType: true, authorUserId: true, body: true, createdAt: true },
    });
    if (!message) return [];
    if (message.kind === "note") {
      const agents = await prisma.user.findMany({
        where: {
          deactivatedAt: null,
          memberships: { some: { workspaceId: event.workspaceId, deactivatedAt: null } },
        },
        select: { id: true, name: true, email: true },
      });
      return findMentionedAgents(message.body, agents)
        .filter((a) => a.id !== message.authorUserId)
        .map((a) => ({
          ...base,
          userId: a.id,
          type: "mention" as const,
          title: `${who} mentioned you on ${ref}`,
          body: excerpt(message.body),
        }));
    }
    if (message.authorType === "contact" && ticket.assigneeId) {
      // The message that opened the ticket is not a reply.
      const earlier = await prisma.message.findFirst({
        where: {
          ticketId: ticket.id,
          OR: [{ createdAt: { lt: message.createdAt } }, { createdAt: message.createdAt, id: { lt: message.id } }],
        },
        select: { id: true },
      });
      if (!earlier) return [];
      return [
        {
          ...base,
          userId: ticket.assigneeId,
          type: "reply",
          title: `The customer replied on ${ref}`,
          body: excerpt(message.body),
        },
      ];
    }
    return [];
  }

  if (event.type === "sla.due_soon" && ticket.assigneeId) {
    const dueAt = str(event.data.due_at);
    const target = event.data.target === "first_response" ? "First response" : "Resolution";
    return [
      {
        ...base,
        userId: ticket.assigneeId,
        type: "sla_due_soon",
        title: `${target} due soon on ${ref}`,
        body: dueAt ? `Due at ${dueAt}.` : null,
      },
    ];
  }
  return [];
}

/** Handles one event: writes its notifications once, then emails the ones their recipients want by email. */
export async function notifyOnEvent(event: DomainEvent) {
  const items = await notificationsFor(event);
  if (items.length === 0) return;
  await runOnce(NOTIFY_KIND, event.id, async (tx) => {
    await createNotifications(tx, items);
  });
  // Read back rather than trust this run: a retry after a crash between the two steps still mails
  // (the mail's idempotency key keeps it to one message each).
  const written = await prisma.notification.findMany({
    where: { eventId: event.id, type: { in: [...new Set(items.map((i) => i.type))] } },
    select: { id: true },
  });
  await mailNotifications(written.map((n) => n.id));
}
