import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { takeDraft } from "@/lib/services/drafts/take-draft";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { DraftRefSchema, type DraftRefInput } from "@/lib/validations/mcp-safety";

/** An agent discards a proposed draft: nothing is sent; the history keeps whose proposal it was. */
export async function discardDraftReply(ctx: ActorContext, input: DraftRefInput) {
  const { ticket, draft_id } = parseInput(DraftRefSchema, input);
  return prisma.$transaction(async (tx) => {
    const draft = await takeDraft(tx, ctx, ticket, draft_id);
    const proposal = {
      draft_id: draft.id,
      proposed_by: draft.proposedBy?.name ?? null,
      credential: draft.credentialName,
    };
    await recordActivity(tx, ctx, { ticketId: draft.ticketId, action: "draft_discarded", changes: proposal });
    await tx.auditEvent.create({
      data: auditRow(ctx, { action: "draft_reply.discard", details: { ticket, ...proposal } }),
    });
    return { ticket, draft_id: draft.id, discarded: true };
  });
}
