import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { AssignSchema, type AssignInput } from "@/lib/validations/tickets";

/** Assigns a ticket to an active agent of the workspace ("me" for the actor), or unassigns it. */
export async function assignTicket(ctx: ActorContext, input: AssignInput, db?: Prisma.TransactionClient) {
  const { ticket: number, assignee } = parseInput(AssignSchema, input);
  let assigneeId: string | null = assignee;
  if (assignee === "me") {
    if (!ctx.userId)
      throw new AppError("user_required", '"me" needs a user: name the agent, or use a user-bound credential.');
    assigneeId = ctx.userId;
  }
  return inTransaction(db, async (tx) => {
    let agent: { id: string; name: string } | null = null;
    if (assigneeId) {
      const membership = await tx.membership.findUnique({
        where: { workspaceId_userId: { ...inWorkspace(ctx), userId: assigneeId } },
        select: { deactivatedAt: true, user: { select: { id: true, name: true, deactivatedAt: true } } },
      });
      if (!membership || membership.deactivatedAt || membership.user.deactivatedAt) throw notFound("Agent");
      agent = { id: membership.user.id, name: membership.user.name };
    }
    const ticket = await findTicketOrThrow(tx, ctx, number, {
      id: true,
      assignee: { select: { id: true, name: true } },
    });
    if (ticket.assignee?.id === (agent?.id ?? undefined) || (!ticket.assignee && !agent)) {
      return { ticket: number, assignee: agent, changed: false };
    }
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: "assign",
      changes: { assignee: { from: ticket.assignee?.name ?? null, to: agent?.name ?? null } },
      eventData: { assignee_id: agent?.id ?? null, previous_assignee_id: ticket.assignee?.id ?? null },
    });
    // Last: the ticket's row stays locked from here to the commit (see touchTicket).
    await tx.ticket.update({
      where: { id: ticket.id },
      data: { assigneeId: agent?.id ?? null, updatedAt: new Date() },
      select: { id: true },
    });
    return { ticket: number, assignee: agent, changed: true };
  });
}
