import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { assertNoNewerMessages } from "@/lib/services/tickets/assert-no-newer-messages";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { UpdateTicketSchema, type UpdateTicketInput } from "@/lib/validations/tickets";

/** Changes a ticket's subject and/or priority, refusing a stale edit when expected_updated_at is given. */
export async function updateTicket(ctx: ActorContext, input: UpdateTicketInput, db?: Prisma.TransactionClient) {
  const {
    ticket: number,
    subject,
    priority,
    expected_updated_at,
    last_seen_message_id,
  } = parseInput(UpdateTicketSchema, input);
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, {
      id: true,
      number: true,
      subject: true,
      priority: true,
      updatedAt: true,
    });
    await assertNoNewerMessages(tx, ctx, ticket, last_seen_message_id);
    if (expected_updated_at && ticket.updatedAt.getTime() !== expected_updated_at.getTime()) {
      throw new AppError(
        "conflict",
        `Ticket #${number} changed since you read it (updated ${ticket.updatedAt.toISOString()}). Read it again.`,
        {
          details: { updated_at: ticket.updatedAt.toISOString() },
        },
      );
    }
    const changes: Record<string, { from: string; to: string }> = {};
    if (subject !== undefined && subject !== ticket.subject) changes.subject = { from: ticket.subject, to: subject };
    if (priority !== undefined && priority !== ticket.priority)
      changes.priority = { from: ticket.priority, to: priority };
    if (Object.keys(changes).length === 0) {
      return {
        ticket: number,
        subject: ticket.subject,
        priority: ticket.priority,
        changed: false,
        updated_at: ticket.updatedAt.toISOString(),
      };
    }
    // The guard is rechecked in the update itself, so two racing edits cannot both pass.
    const updated = await tx.ticket.updateMany({
      where: { id: ticket.id, updatedAt: ticket.updatedAt },
      data: { subject: subject ?? ticket.subject, priority: priority ?? ticket.priority, updatedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("conflict", `Ticket #${number} changed while saving. Read it again.`);
    await recordActivity(tx, ctx, { ticketId: ticket.id, action: "update", changes });
    // Another priority may fall under other targets or another policy.
    if (changes.priority) await applyTicketSla(tx, ctx, ticket.id);
    const after = await tx.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: { subject: true, priority: true, updatedAt: true },
    });
    return {
      ticket: number,
      subject: after.subject,
      priority: after.priority,
      changed: true,
      updated_at: after.updatedAt.toISOString(),
    };
  });
}
