import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { assertNoNewerMessages } from "@/lib/services/tickets/assert-no-newer-messages";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { FOLLOW_UP_SELECT, openFollowUp, reopenWindowPassed } from "@/lib/services/tickets/follow-up";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { ReplySchema, type ReplyInput } from "@/lib/validations/tickets";

/**
 * A public reply from the acting agent: an open ticket becomes pending (its sub-status, which
 * belonged to open, is cleared) and the first response is stamped. A reply to a ticket closed past
 * the workspace's reopen window goes to its follow-up ticket (the one still being worked, else a new
 * one), linked to the closed one.
 */
export async function replyToTicket(ctx: ActorContext, input: ReplyInput, db?: Prisma.TransactionClient) {
  const { ticket: number, body, last_seen_message_id } = parseInput(ReplySchema, input);
  if (!ctx.userId) throw new AppError("user_required", "Replies are written by an agent: use a user-bound credential.");
  return inTransaction(db, async (tx) => {
    const found = await findTicketOrThrow(tx, ctx, number, { ...FOLLOW_UP_SELECT, firstResponseAt: true });
    await assertNoNewerMessages(tx, ctx, found, last_seen_message_id);
    const now = new Date();
    let ticket = found;
    let followUpOf: number | null = null;
    if (await reopenWindowPassed(tx, ctx, found, now)) {
      const followUp = await openFollowUp(tx, ctx, found, { status: "open", reason: "reply" });
      ticket = {
        ...found,
        id: followUp.id,
        number: followUp.number,
        status: followUp.status,
        firstResponseAt: followUp.firstResponseAt,
      };
      followUpOf = number;
    }
    const message = await tx.message.create({
      data: {
        workspaceId: ctx.workspaceId,
        ticketId: ticket.id,
        kind: "reply",
        authorType: "agent",
        authorUserId: ctx.userId,
        body,
        via: ctx.via,
      },
      select: { id: true, createdAt: true },
    });
    const nextStatus = ticket.status === "open" ? "pending" : ticket.status;
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        status: nextStatus,
        ...(nextStatus !== ticket.status ? { caseStatusId: null } : {}),
        firstResponseAt: ticket.firstResponseAt ?? now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: "reply",
      changes: {
        message_id: message.id,
        ...(nextStatus !== ticket.status ? { status: { from: ticket.status, to: nextStatus } } : {}),
      },
    });
    // The first agent reply meets the first-response target; a pending ticket's clock stops.
    await applyTicketSla(tx, ctx, ticket.id, { previousFirstResponseAt: ticket.firstResponseAt, now });
    return {
      message_id: message.id,
      ticket: ticket.number,
      status: nextStatus,
      created_at: message.createdAt.toISOString(),
      follow_up_of: followUpOf,
    };
  });
}
