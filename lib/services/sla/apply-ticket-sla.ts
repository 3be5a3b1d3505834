import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeSla, matchPolicy, type SlaColumns } from "@/lib/services/sla/compute";
import { calendarOf, toRule } from "@/lib/services/sla/shared";
import { recordActivity } from "@/lib/services/tickets/record-activity";

export const SLA_COLUMNS_SELECT = {
  slaPolicyId: true,
  firstResponseDueAt: true,
  resolutionDueAt: true,
  slaDueAt: true,
  slaPausedAt: true,
  slaPausedMinutes: true,
  slaBreachedAt: true,
  firstResponseMissed: true,
  resolutionMissed: true,
} satisfies Prisma.TicketSelect;

export type ApplySlaOptions = {
  /** The ticket's first response before this change (a reply stamps it in the same transaction). */
  previousFirstResponseAt?: Date | null;
  now?: Date;
};

/**
 * Recomputes a ticket's SLA after a change, in the change's transaction: the policy that now
 * applies, its due times, the pause while the ticket is pending or done, and targets missed. A new
 * policy and each missed target get a line in the ticket's history. Returns the new columns and the
 * tags the policies were matched on (the ticket's tags as this transaction sees them).
 */
export async function applyTicketSla(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  ticketId: string,
  options: ApplySlaOptions = {},
): Promise<{ columns: SlaColumns; tags: string[] }> {
  const now = options.now ?? new Date();
  // One statement: the ticket, the workspace's policies and its business calendar (joined).
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      ...SLA_COLUMNS_SELECT,
      workspaceId: true,
      createdAt: true,
      status: true,
      priority: true,
      teamId: true,
      firstResponseAt: true,
      tags: { select: { tag: { select: { name: true } } } },
      slaPolicy: { select: { name: true } },
      updatedAt: true,
      workspace: {
        select: {
          slaPolicies: {
            select: {
              id: true,
              name: true,
              teamId: true,
              tag: true,
              targets: true,
              businessHours: true,
              position: true,
            },
          },
          businessHours: { select: { timeZone: true, weekly: true, holidays: true } },
        },
      },
    },
  });
  const policies = ticket.workspace.slaPolicies;
  const slaTicket = {
    createdAt: ticket.createdAt,
    status: ticket.status,
    priority: ticket.priority,
    teamId: ticket.teamId,
    tags: ticket.tags.map((t) => t.tag.name),
    firstResponseAt: ticket.firstResponseAt,
  };
  // No policy anywhere and none before: nothing to keep (the common case of a workspace without SLAs).
  if (policies.length === 0 && ticket.slaPolicyId === null && ticket.slaPausedAt === null)
    return { columns: ticket, tags: slaTicket.tags };
  const policy = matchPolicy(policies.map(toRule), slaTicket);
  const hours = ticket.workspace.businessHours;
  const calendar = policy?.businessHours === false || !hours ? null : calendarOf(hours);
  const previousFirstResponseAt =
    options.previousFirstResponseAt !== undefined ? options.previousFirstResponseAt : ticket.firstResponseAt;
  const { columns, events } = computeSla(ticket, previousFirstResponseAt, slaTicket, policy, calendar, now);
  const changed = (Object.keys(columns) as (keyof SlaColumns)[]).some(
    (k) =>
      String(columns[k] instanceof Date ? (columns[k] as Date).getTime() : columns[k]) !==
      String(ticket[k] instanceof Date ? (ticket[k] as Date).getTime() : ticket[k]),
  );
  if (changed) await tx.ticket.update({ where: { id: ticketId }, data: { ...columns, updatedAt: ticket.updatedAt } });
  for (const event of events) {
    if (event.kind === "policy") {
      await recordActivity(tx, ctx, {
        ticketId,
        action: "sla_policy",
        changes: {
          sla_policy: { from: ticket.slaPolicy?.name ?? null, to: policy?.name ?? null },
          first_response_due_at: columns.firstResponseDueAt?.toISOString() ?? null,
          resolution_due_at: columns.resolutionDueAt?.toISOString() ?? null,
        },
      });
    } else {
      await recordActivity(tx, ctx, {
        ticketId,
        action: "sla_breach",
        changes: { target: event.target, due_at: event.due_at.toISOString() },
      });
    }
  }
  return { columns, tags: slaTicket.tags };
}
