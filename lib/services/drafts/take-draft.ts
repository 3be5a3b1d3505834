import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Removes a waiting draft of a ticket and returns it, so that of two agents sending (or one sending
 * and one discarding) the same draft only one acts: the other finds it gone.
 */
export async function takeDraft(tx: Prisma.TransactionClient, ctx: ActorContext, number: number, draftId: string) {
  const draft = await tx.draftReply.findFirst({
    where: { ...inWorkspace(ctx), id: draftId, ticket: { number } },
    select: {
      id: true,
      ticketId: true,
      body: true,
      credentialName: true,
      proposedBy: { select: { id: true, name: true } },
    },
  });
  const removed = draft ? await tx.draftReply.deleteMany({ where: { id: draft.id } }) : { count: 0 };
  if (!draft || removed.count === 0) throw notFound(`Draft ${draftId} on ticket #${number}`);
  return draft;
}
