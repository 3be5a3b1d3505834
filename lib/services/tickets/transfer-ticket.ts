import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { autoAssignToTeam } from "@/lib/services/agent-status/auto-assign";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { TransferSchema, type TransferInput } from "@/lib/validations/tickets";

/** Moves a ticket to another team (LiveAgent's department transfer), with an optional internal note. */
export async function transferTicket(ctx: ActorContext, input: TransferInput, db?: Prisma.TransactionClient) {
  const { ticket: number, team: teamId, note } = parseInput(TransferSchema, input);
  return inTransaction(db, async (tx) => {
    const team = await tx.team.findFirst({
      where: { ...inWorkspace(ctx), id: teamId },
      select: { id: true, name: true },
    });
    if (!team) throw notFound("Team");
    const ticket = await findTicketOrThrow(tx, ctx, number, {
      id: true,
      assigneeId: true,
      team: { select: { id: true, name: true } },
    });
    const changed = ticket.team?.id !== team.id;
    if (changed) {
      await tx.ticket.update({ where: { id: ticket.id }, data: { teamId: team.id, updatedAt: new Date() } });
      await applyTicketSla(tx, ctx, ticket.id);
    }
    if (note && ctx.userId) {
      await tx.message.create({
        data: {
          workspaceId: ctx.workspaceId,
          ticketId: ticket.id,
          kind: "note",
          authorType: "agent",
          authorUserId: ctx.userId,
          body: note,
          via: ctx.via,
        },
      });
    }
    if (changed || note) {
      await recordActivity(tx, ctx, {
        ticketId: ticket.id,
        action: "transfer",
        changes: { team: { from: ticket.team?.name ?? null, to: team.name }, ...(note ? { note: true } : {}) },
      });
    }
    // A ticket arriving unassigned in a team goes round-robin (when the workspace has it on).
    const autoAssigned =
      changed && !ticket.assigneeId ? await autoAssignToTeam(tx, ctx, { ticketId: ticket.id, teamId: team.id }) : null;
    return { ticket: number, team, changed, auto_assigned: autoAssigned };
  });
}
