import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { attachTags, ensureTags, tagNamesOf } from "@/lib/services/tags/apply-tags";
import { findTicketOrThrow, touchTicket } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { TagsSchema, type TagsInput } from "@/lib/validations/tickets";

/**
 * Applies tags (created in the workspace when new). Idempotent and safe under
 * concurrency: a tag already on the ticket is skipped, and only the tags this
 * call actually added are written to the history.
 */
export async function addTicketTags(ctx: ActorContext, input: TagsInput, db?: Prisma.TransactionClient) {
  const { ticket: number, tags } = parseInput(TagsSchema, input);
  const names = [...new Set(tags)];
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true });
    const tagRows = await ensureTags(tx, ctx, names);
    const linked = await attachTags(
      tx,
      ctx,
      ticket.id,
      tagRows.map((tag) => tag.id),
    );
    const addedNames = tagRows
      .filter((tag) => linked.has(tag.id))
      .map((tag) => tag.name)
      .sort();
    if (addedNames.length > 0) {
      await recordActivity(tx, ctx, { ticketId: ticket.id, action: "tags_added", changes: { tags: addedNames } });
      // Before the SLA: with the ticket's row locked, its SLA is computed from every tag change committed before.
      await touchTicket(tx, ticket.id);
      // The SLA read the ticket's tags after the lock: the answer lists them from there.
      const { tags } = await applyTicketSla(tx, ctx, ticket.id);
      return { ticket: number, added: addedNames, tags: [...tags].sort() };
    }
    return { ticket: number, added: addedNames, tags: await tagNamesOf(tx, ticket.id) };
  });
}
