import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { tagNamesOf } from "@/lib/services/tags/apply-tags";
import { findTicketOrThrow, touchTicket } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { TagsSchema, type TagsInput } from "@/lib/validations/tickets";

/** Removes tags from a ticket; tags it does not carry are ignored. */
export async function removeTicketTags(ctx: ActorContext, input: TagsInput, db?: Prisma.TransactionClient) {
  const { ticket: number, tags } = parseInput(TagsSchema, input);
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true });
    const present = await tx.ticketTag.findMany({
      where: { ...inWorkspace(ctx), ticketId: ticket.id, tag: { name: { in: tags } } },
      select: { tagId: true, tag: { select: { name: true } } },
    });
    if (present.length > 0) {
      const deleted = await tx.ticketTag.deleteMany({
        where: { ticketId: ticket.id, tagId: { in: present.map((p) => p.tagId) } },
      });
      if (deleted.count > 0) {
        const removed = present.map((p) => p.tag.name).sort();
        await recordActivity(tx, ctx, { ticketId: ticket.id, action: "tags_removed", changes: { tags: removed } });
        // Before the SLA: with the ticket's row locked, its SLA is computed from every tag change committed before.
        await touchTicket(tx, ticket.id);
        // The SLA read the ticket's tags after the lock: the answer lists them from there.
        const { tags: current } = await applyTicketSla(tx, ctx, ticket.id);
        return { ticket: number, removed, tags: [...current].sort() };
      }
    }
    return { ticket: number, removed: [] as string[], tags: await tagNamesOf(tx, ticket.id) };
  });
}
