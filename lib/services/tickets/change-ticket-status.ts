import "server-only";
import { withTransaction, type Db } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/errors";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { StatusChangeSchema } from "@/lib/validations/tickets";

export type ChangeTicketStatusOptions = { ticket: number | string; to: TicketStatus; action: string };

/** The one place a ticket's status moves; resolve-ticket and reopen-ticket name the verbs. */
export async function changeTicketStatus(ctx: ActorContext, options: ChangeTicketStatusOptions, db?: Db) {
  const { ticket: number } = parseInput(StatusChangeSchema, { ticket: options.ticket });
  return withTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true, status: true });
    if (ticket.status === options.to) return { ticket: number, status: ticket.status, changed: false };
    const now = new Date();
    const resolving = options.to === "resolved" || options.to === "closed";
    await tx.ticket.update({
      where: { id: ticket.id },
      data: { status: options.to, updatedAt: now, resolvedAt: resolving ? now : null },
    });
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: options.action,
      changes: { status: { from: ticket.status, to: options.to } },
    });
    return { ticket: number, status: options.to, changed: true };
  });
}
