import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/services/tickets/record-activity";

export type AutoAssignOptions = {
  ticketId: string;
  teamId: string;
  /** Rotate even with the workspace's round-robin setting off (an automation rule asked for it). */
  always?: boolean;
};

/**
 * Round-robin: when the workspace has it on, hands an unassigned ticket that just reached a team to the
 * team's online member who was auto-assigned least recently, in the ticket's own transaction. The team
 * row is locked first, so concurrent creates and transfers into one team take turns and never pick the
 * same member twice in a row. With nobody online the ticket stays unassigned. Returns the assignee or null.
 */
export async function autoAssignToTeam(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  { ticketId, teamId, always = false }: AutoAssignOptions,
): Promise<{ id: string; name: string } | null> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { roundRobin: true },
  });
  if (!workspace.roundRobin && !always) return null;
  await tx.$queryRaw`SELECT "id" FROM "Team" WHERE "id" = ${teamId} AND "workspaceId" = ${ctx.workspaceId} FOR UPDATE`;
  const next = await tx.teamMember.findFirst({
    where: {
      workspaceId: ctx.workspaceId,
      teamId,
      user: {
        deactivatedAt: null,
        memberships: { some: { workspaceId: ctx.workspaceId, deactivatedAt: null, status: "online" } },
      },
    },
    orderBy: [{ lastAutoAssignedAt: { sort: "asc", nulls: "first" } }, { userId: "asc" }],
    select: { userId: true, team: { select: { name: true } }, user: { select: { id: true, name: true } } },
  });
  if (!next) return null;
  await tx.teamMember.update({
    where: { teamId_userId: { teamId, userId: next.userId } },
    data: { lastAutoAssignedAt: new Date() },
  });
  await tx.ticket.update({ where: { id: ticketId }, data: { assigneeId: next.userId } });
  await recordActivity(tx, ctx, {
    ticketId,
    action: "auto_assign",
    changes: { assignee: { from: null, to: next.user.name }, team: next.team.name, rule: "round_robin" },
    eventData: { assignee_id: next.user.id, previous_assignee_id: null },
  });
  return next.user;
}
