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
 * Marks a ticket changed now. Services call it last in their transaction: the ticket's row stays
 * locked from the update to the commit, so other writers on the ticket wait the least.
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
