import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Prisma.TransactionClient;

/** Loads a ticket of the actor's workspace by number, or throws not_found. */
export async function findTicketOrThrow<S extends Prisma.TicketSelect>(
  db: Db,
  ctx: ActorContext,
  number: number,
  select: S,
) {
  const ticket = await db.ticket.findUnique({
    where: { workspaceId_number: { ...inWorkspace(ctx), number } },
    select,
  });
  if (!ticket) throw notFound(`Ticket #${number}`);
  return ticket;
}

/**
 * Marks a ticket changed now. The ticket's row stays locked from this update to the commit, so
 * services call it as late as they can (other writers on the ticket wait the least), but before a
 * read that must see every change committed ahead of theirs, such as the SLA's.
 */
export async function touchTicket(db: Db, ticketId: string): Promise<void> {
  await db.ticket.update({ where: { id: ticketId }, data: { updatedAt: new Date() }, select: { id: true } });
}

/** The fields of a message every ticket view shows. */
export const MESSAGE_SELECT = {
  id: true,
  kind: true,
  authorType: true,
  body: true,
  via: true,
  createdAt: true,
  authorUser: { select: { id: true, name: true } },
  authorContact: { select: { id: true, name: true } },
  attachments: {
    select: { id: true, filename: true, contentType: true, size: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.MessageSelect;
