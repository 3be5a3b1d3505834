import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { autoAssignToTeam } from "@/lib/services/agent-status/auto-assign";
import { findOrCreateContact } from "@/lib/services/contacts/contact-created";
import { findContactByFurtherEmail } from "@/lib/services/contacts/find-contact-by-email";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { attachTags, ensureTags } from "@/lib/services/tags/apply-tags";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { CreateTicketSchema, type CreateTicketInput } from "@/lib/validations/tickets";

/**
 * Opens a ticket for a contact (found by any of their addresses, or created) with its first message
 * from that contact; in the caller's transaction when it passes one (inbound mail records the mail with it).
 */
export async function createTicket(ctx: ActorContext, input: CreateTicketInput, db?: Prisma.TransactionClient) {
  const data = parseInput(CreateTicketSchema, input);
  return inTransaction(db, async (tx) => {
    if (data.team) {
      const team = await tx.team.findFirst({ where: { ...inWorkspace(ctx), id: data.team }, select: { id: true } });
      if (!team) throw notFound("Team");
    }
    // An address a merged contact also wrote from finds that contact.
    const contact =
      (await findContactByFurtherEmail(tx, ctx, data.contact_email)) ??
      (await findOrCreateContact(tx, ctx, data.contact_email, data.contact_name));
    // The counter row lock hands out gap-free numbers under concurrency.
    const { ticketCounter: number } = await tx.workspace.update({
      where: { id: ctx.workspaceId },
      data: { ticketCounter: { increment: 1 } },
      select: { ticketCounter: true },
    });
    const ticket = await tx.ticket.create({
      data: {
        ...inWorkspace(ctx),
        number,
        subject: data.subject,
        priority: data.priority,
        channel: data.channel,
        teamId: data.team ?? null,
        contactId: contact.id,
      },
      select: { id: true, number: true, status: true, createdAt: true },
    });
    const message = await tx.message.create({
      data: {
        ...inWorkspace(ctx),
        ticketId: ticket.id,
        kind: "reply",
        authorType: "contact",
        authorContactId: contact.id,
        body: data.body,
        via: ctx.via,
      },
      select: { id: true },
    });
    if (data.tags?.length) {
      const tags = await ensureTags(tx, ctx, [...new Set(data.tags)]);
      await attachTags(
        tx,
        ctx,
        ticket.id,
        tags.map((t) => t.id),
      );
    }
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: "create",
      changes: { subject: data.subject, priority: data.priority },
      eventData: { message_id: message.id, channel: data.channel, contact_id: contact.id },
    });
    await applyTicketSla(tx, ctx, ticket.id, { now: ticket.createdAt });
    const assignee = data.team ? await autoAssignToTeam(tx, ctx, { ticketId: ticket.id, teamId: data.team }) : null;
    return {
      ticket: ticket.number,
      status: ticket.status,
      contact,
      assignee,
      created_at: ticket.createdAt.toISOString(),
    };
  });
}
