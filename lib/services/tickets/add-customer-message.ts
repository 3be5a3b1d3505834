import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findContactByEmail } from "@/lib/services/contacts/find-contact-by-email";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { touchTicket } from "@/lib/services/tickets/find-ticket";
import { recordActivity } from "@/lib/services/tickets/record-activity";

export type AddCustomerMessageOptions = {
  ticketId: string;
  body: string;
  /** The sender; a contact is found by any of their addresses, or created. */
  email: string;
  name?: string | null;
  /** False for automated mail (auto-replies, bulk): the message is kept, the ticket's status is not touched. */
  reopen: boolean;
};

/**
 * A customer's message on an existing ticket (a mail reply): a pending, resolved or closed ticket
 * opens again (past the reopen window, the message goes to its follow-up ticket instead). Returns
 * the ticket the message landed on and the message's id.
 */
export async function addCustomerMessage(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  options: AddCustomerMessageOptions,
) {
  let ticket = await tx.ticket.findFirstOrThrow({
    where: { ...inWorkspace(ctx), id: options.ticketId },
    select: { id: true, number: true, status: true },
  });
  if (options.reopen && ticket.status !== "open") {
    const moved = await changeTicketStatus(ctx, { ticket: ticket.number, to: "open", action: "reopen" }, tx);
    if (moved.follow_up !== null)
      ticket = await tx.ticket.findFirstOrThrow({
        where: { ...inWorkspace(ctx), number: moved.follow_up },
        select: { id: true, number: true, status: true },
      });
  }
  const email = options.email.toLowerCase();
  const contact =
    (await findContactByEmail(tx, ctx, email)) ??
    (await tx.contact.create({
      data: { ...inWorkspace(ctx), email, name: options.name?.trim() || email.split("@")[0]! },
      select: { id: true, name: true, email: true },
    }));
  const message = await tx.message.create({
    data: {
      ...inWorkspace(ctx),
      ticketId: ticket.id,
      kind: "reply",
      authorType: "contact",
      authorContactId: contact.id,
      body: options.body,
      via: ctx.via,
    },
    select: { id: true },
  });
  await recordActivity(tx, ctx, {
    ticketId: ticket.id,
    action: "customer_reply",
    changes: { message_id: message.id },
  });
  await touchTicket(tx, ticket.id);
  return { ticketId: ticket.id, number: ticket.number, messageId: message.id, contactId: contact.id };
}
