import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { assertNoNewerMessages } from "@/lib/services/tickets/assert-no-newer-messages";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { ReplySchema, type ReplyInput } from "@/lib/validations/tickets";

/**
 * A reply proposed as a draft: kept on the ticket for an agent to send or discard, never sent to the
 * customer, never a message of the conversation, no mail. It names who proposed it: the user the
 * credential acts as and the credential (key or connected app).
 */
export async function proposeDraftReply(ctx: ActorContext, input: ReplyInput, db?: Prisma.TransactionClient) {
  const { ticket: number, body, last_seen_message_id } = parseInput(ReplySchema, input);
  if (!ctx.userId) throw new AppError("user_required", "Replies are written by an agent: use a user-bound credential.");
  return inTransaction(db, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, { id: true, number: true, status: true });
    await assertNoNewerMessages(tx, ctx, ticket, last_seen_message_id);
    const draft = await tx.draftReply.create({
      data: {
        workspaceId: ctx.workspaceId,
        ticketId: ticket.id,
        body,
        proposedById: ctx.userId,
        credentialId: ctx.credential?.id ?? null,
        credentialName: ctx.credential?.name ?? null,
        credentialKind: ctx.credential?.kind ?? null,
      },
      select: { id: true, createdAt: true },
    });
    await recordActivity(tx, ctx, { ticketId: ticket.id, action: "draft_proposed", changes: { draft_id: draft.id } });
    await tx.auditEvent.create({
      data: auditRow(ctx, { action: "draft_reply.propose", details: { ticket: number, draft_id: draft.id } }),
    });
    const url = `${getEnv().APP_URL}/tickets/${number}`;
    return {
      draft: true,
      draft_id: draft.id,
      message_id: null,
      ticket: number,
      status: ticket.status,
      created_at: draft.createdAt.toISOString(),
      follow_up_of: null,
      next_step: `Not sent: replies from this connection are drafts. The customer sees nothing until an agent sends it with "Send draft" on the ticket page (${url}), or discards it there.`,
    };
  });
}
