import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { readCaseWorkflow } from "@/lib/services/case-statuses/get-case-workflow";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { recordActivity } from "@/lib/services/tickets/record-activity";

const DAY_MS = 86_400_000;

/** The columns a follow-up copies, and those the reopen window reads. */
export const FOLLOW_UP_SELECT = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  channel: true,
  teamId: true,
  assigneeId: true,
  contactId: true,
  closedAt: true,
  resolvedAt: true,
  updatedAt: true,
} satisfies Prisma.TicketSelect;

export type FollowUpSource = Prisma.TicketGetPayload<{ select: typeof FOLLOW_UP_SELECT }>;

/**
 * Whether the workspace's reopen window has passed for this closed ticket. Tickets closed before
 * closedAt was kept count from their resolution, else from their last change.
 */
export async function reopenWindowPassed(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  ticket: Pick<FollowUpSource, "status" | "closedAt" | "resolvedAt" | "updatedAt">,
  now: Date,
): Promise<boolean> {
  if (ticket.status !== "closed") return false;
  const { reopen_window_days: days } = await readCaseWorkflow(tx, ctx.workspaceId);
  if (days === null) return false;
  const closedAt = ticket.closedAt ?? ticket.resolvedAt ?? ticket.updatedAt;
  return now.getTime() - closedAt.getTime() >= days * DAY_MS;
}

export type FollowUpOptions = {
  status: TicketStatus;
  caseStatusId?: string | null;
  /** What brought the follow-up about, for both tickets' history: "reopen" or "reply". */
  reason: string;
};

/**
 * The follow-up of a closed ticket past its reopen window: the newest one still being worked (not
 * closed), so a conversation that goes on lands in one place; else a new ticket with the same
 * contact, team, assignee and priority, linked back, with a line in both histories. Returns its
 * number, id and status.
 */
export async function openFollowUp(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  original: FollowUpSource,
  options: FollowUpOptions,
) {
  const current = await tx.ticket.findFirst({
    where: { ...inWorkspace(ctx), followUpOfId: original.id, status: { not: "closed" } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, status: true, firstResponseAt: true },
  });
  if (current) return { ...current, created: false };
  const { ticketCounter: number } = await tx.workspace.update({
    where: { id: ctx.workspaceId },
    data: { ticketCounter: { increment: 1 } },
    select: { ticketCounter: true },
  });
  const subject = original.subject.startsWith("Follow-up: ") ? original.subject : `Follow-up: ${original.subject}`;
  const followUp = await tx.ticket.create({
    data: {
      ...inWorkspace(ctx),
      number,
      subject: subject.slice(0, 300),
      status: options.status,
      caseStatusId: options.caseStatusId ?? null,
      priority: original.priority,
      channel: original.channel,
      teamId: original.teamId,
      assigneeId: original.assigneeId,
      contactId: original.contactId,
      followUpOfId: original.id,
    },
    select: { id: true, number: true, status: true, firstResponseAt: true },
  });
  await recordActivity(tx, ctx, {
    ticketId: followUp.id,
    action: "create",
    changes: { subject, follow_up_of: original.number, reason: options.reason },
  });
  await recordActivity(tx, ctx, {
    ticketId: original.id,
    action: "follow_up",
    changes: { follow_up: followUp.number, reason: options.reason },
  });
  await applyTicketSla(tx, ctx, followUp.id);
  return { ...followUp, created: true };
}
