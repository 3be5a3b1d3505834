import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { TicketSpamSchema, type TicketSpamInput } from "@/lib/validations/email";

/** What the ticket page shows of a ticket's mail: the spam verdict and who follows it. */
export async function getTicketEmail(ctx: ActorContext, number: number) {
  const ticket = await findTicketOrThrow(prisma, ctx, number, {
    spam: true,
    followers: { select: { email: true, name: true }, orderBy: { createdAt: "asc" } },
    _count: { select: { emailMessages: true } },
  });
  return { spam: ticket.spam, followers: ticket.followers, mails: ticket._count.emailMessages };
}

/** Marks a ticket as spam or clears it (it goes back to the lists), in its history. */
export async function setTicketSpam(ctx: ActorContext, input: TicketSpamInput) {
  const { ticket: number, spam } = parseInput(TicketSpamSchema, input);
  return prisma.$transaction(async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true, spam: true });
    if (ticket.spam === spam) return { ticket: number, spam, changed: false };
    await tx.ticket.update({ where: { id: ticket.id, ...inWorkspace(ctx) }, data: { spam, updatedAt: new Date() } });
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: "spam",
      changes: { spam: { from: ticket.spam, to: spam } },
    });
    return { ticket: number, spam, changed: true };
  });
}
