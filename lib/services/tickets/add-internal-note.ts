import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { findTicketOrThrow, touchTicket } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { NoteSchema, type NoteInput } from "@/lib/validations/tickets";

/** An internal note: visible to agents only, never sent to the contact. */
export async function addInternalNote(ctx: ActorContext, input: NoteInput, db?: Prisma.TransactionClient) {
  const { ticket: number, body } = parseInput(NoteSchema, input);
  if (!ctx.userId) throw new AppError("user_required", "Notes are written by an agent: use a user-bound credential.");
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true });
    const message = await tx.message.create({
      data: {
        workspaceId: ctx.workspaceId,
        ticketId: ticket.id,
        kind: "note",
        authorType: "agent",
        authorUserId: ctx.userId,
        body,
        via: ctx.via,
      },
      select: { id: true, createdAt: true },
    });
    await recordActivity(tx, ctx, { ticketId: ticket.id, action: "note", changes: { message_id: message.id } });
    await touchTicket(tx, ticket.id);
    return { message_id: message.id, ticket: number, created_at: message.createdAt.toISOString() };
  });
}
