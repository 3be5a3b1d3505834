import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { takeDraft } from "@/lib/services/drafts/take-draft";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { SendDraftSchema, type SendDraftInput } from "@/lib/validations/mcp-safety";

/**
 * An agent sends a proposed draft (as proposed, or edited): it goes out as the agent's own reply
 * through the one reply service, so mail, events, the status and the SLA clock follow as for any
 * reply; the draft is gone and the history says whose proposal it was.
 */
export async function sendDraftReply(ctx: ActorContext, input: SendDraftInput) {
  const { ticket, draft_id, body } = parseInput(SendDraftSchema, input);
  if (!ctx.userId) throw new AppError("user_required", "A draft is sent by an agent.");
  return prisma.$transaction(async (tx) => {
    const draft = await takeDraft(tx, ctx, ticket, draft_id);
    const sent = await replyToTicket(ctx, { ticket, body: body ?? draft.body }, tx);
    const proposal = {
      draft_id: draft.id,
      message_id: sent.message_id,
      proposed_by: draft.proposedBy?.name ?? null,
      credential: draft.credentialName,
      edited: body !== undefined && body !== draft.body,
    };
    await recordActivity(tx, ctx, { ticketId: draft.ticketId, action: "draft_sent", changes: proposal });
    await tx.auditEvent.create({
      data: auditRow(ctx, { action: "draft_reply.send", details: { ticket, ...proposal } }),
    });
    return sent;
  });
}
