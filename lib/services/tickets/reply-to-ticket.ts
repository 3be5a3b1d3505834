import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { ReplySchema, type ReplyInput } from "@/lib/validations/tickets";

/** A public reply from the acting agent; reopens a resolved ticket as pending and stamps the first response. */
export async function replyToTicket(ctx: ActorContext, input: ReplyInput, db?: Prisma.TransactionClient) {
  const { ticket: number, body } = parseInput(ReplySchema, input);
  if (!ctx.userId) throw new AppError("user_required", "Replies are written by an agent: use a user-bound credential.");
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true, status: true, firstResponseAt: true });
    const now = new Date();
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
      data: { status: nextStatus, firstResponseAt: ticket.firstResponseAt ?? now, updatedAt: now },
    });
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: "reply",
      changes: {
        message_id: message.id,
        ...(nextStatus !== ticket.status ? { status: { from: ticket.status, to: nextStatus } } : {}),
      },
    });
    return { message_id: message.id, ticket: number, status: nextStatus, created_at: message.createdAt.toISOString() };
  });
}
