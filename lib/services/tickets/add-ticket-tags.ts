import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { applyTicketSla } from "@/lib/services/sla/apply-ticket-sla";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
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
    await tx.tag.createMany({ data: names.map((name) => ({ ...inWorkspace(ctx), name })), skipDuplicates: true });
    const tagRows = await tx.tag.findMany({
      where: { ...inWorkspace(ctx), name: { in: names } },
      select: { id: true, name: true },
    });
    const added = await tx.ticketTag.createManyAndReturn({
      data: tagRows.map((tag) => ({ ...inWorkspace(ctx), ticketId: ticket.id, tagId: tag.id })),
      skipDuplicates: true,
      select: { tagId: true },
    });
    const addedNames = tagRows
      .filter((t) => added.some((a) => a.tagId === t.id))
      .map((t) => t.name)
      .sort();
    if (addedNames.length > 0) {
      await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date() } });
      await recordActivity(tx, ctx, { ticketId: ticket.id, action: "tags_added", changes: { tags: addedNames } });
      await applyTicketSla(tx, ctx, ticket.id);
    }
    const current = await tx.ticketTag.findMany({
      where: { ticketId: ticket.id },
      select: { tag: { select: { name: true } } },
    });
    return { ticket: number, added: addedNames, tags: current.map((t) => t.tag.name).sort() };
  });
}
