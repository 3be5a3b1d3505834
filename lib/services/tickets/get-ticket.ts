import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { SLA_COLUMNS_SELECT } from "@/lib/services/sla/apply-ticket-sla";
import { readSlaState } from "@/lib/services/sla/compute";
import { calendarOf } from "@/lib/services/sla/shared";
import { findTicketOrThrow, MESSAGE_SELECT } from "@/lib/services/tickets/find-ticket";

export type GetTicketOptions = {
  number: number;
  /** Latest messages to include (0 for none). */
  messageLimit?: number;
  includeNotes?: boolean;
  includeActivity?: boolean;
};

/** A ticket with its contact, tags, latest messages and activity history. */
export async function getTicket(ctx: ActorContext, options: GetTicketOptions) {
  const ticket = await findTicketOrThrow(prisma, ctx, options.number, {
    id: true,
    number: true,
    subject: true,
    status: true,
    priority: true,
    channel: true,
    createdAt: true,
    updatedAt: true,
    firstResponseAt: true,
    resolvedAt: true,
    closedAt: true,
    ...SLA_COLUMNS_SELECT,
    slaPolicy: { select: { id: true, name: true, businessHours: true } },
    caseStatus: { select: { id: true, name: true, color: true } },
    followUpOf: { select: { number: true } },
    followUps: { select: { number: true }, orderBy: { number: "asc" }, take: 20 },
    assignee: { select: { id: true, name: true, email: true } },
    team: { select: { id: true, name: true } },
    contact: { select: { id: true, name: true, email: true, phone: true, company: true } },
    tags: { select: { tag: { select: { name: true, color: true } } }, orderBy: { tag: { name: "asc" } } },
    _count: { select: { attachments: true } },
    // The business calendar in the same statement: one round trip for the ticket and its SLA state.
    workspace: { select: { businessHours: { select: { timeZone: true, weekly: true, holidays: true } } } },
  });
  const messageLimit = options.messageLimit ?? 200;
  const [messages, activities] = await Promise.all([
    messageLimit === 0
      ? []
      : prisma.message.findMany({
          where: {
            workspaceId: ctx.workspaceId,
            ticketId: ticket.id,
            ...(options.includeNotes === false ? { kind: "reply" } : {}),
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: messageLimit,
          select: MESSAGE_SELECT,
        }),
    options.includeActivity === false
      ? []
      : prisma.ticketActivity.findMany({
          where: { workspaceId: ctx.workspaceId, ticketId: ticket.id },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 100,
          select: {
            id: true,
            action: true,
            changes: true,
            via: true,
            credentialName: true,
            createdAt: true,
            actor: { select: { id: true, name: true } },
          },
        }),
  ]);
  const { workspace, ...fields } = ticket;
  const hours = workspace.businessHours;
  const calendar = ticket.slaPolicy?.businessHours && hours ? calendarOf(hours) : null;
  const sla = readSlaState(
    ticket,
    ticket.slaPolicy ? { id: ticket.slaPolicy.id, name: ticket.slaPolicy.name } : null,
    calendar,
    ticket.slaPolicy?.businessHours ?? true,
    new Date(),
  );
  return { ...fields, tags: ticket.tags.map((t) => t.tag), messages: messages.reverse(), activities, sla };
}

export type TicketDetail = Awaited<ReturnType<typeof getTicket>>;
