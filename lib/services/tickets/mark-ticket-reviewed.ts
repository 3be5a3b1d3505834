import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { TicketRefSchema } from "@/lib/validations/tickets";

/**
 * An agent says they have read the conversation as it stands: the workspace's MCP lockdown lets
 * writes through again until the customer writes next.
 */
export async function markTicketReviewed(ctx: ActorContext, input: { ticket: number | string }) {
  const { ticket: number } = parseInput(TicketRefSchema, input);
  if (!ctx.userId)
    throw new AppError("user_required", "A ticket is marked reviewed by an agent: use a user-bound credential.");
  return prisma.$transaction(async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true });
    const now = new Date();
    await tx.ticket.update({ where: { id: ticket.id }, data: { reviewedAt: now } });
    await recordActivity(tx, ctx, { ticketId: ticket.id, action: "reviewed", changes: {} });
    return { ticket: number, reviewed_at: now.toISOString() };
  });
}
