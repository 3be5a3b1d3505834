import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { replyToTicket } from "@/lib/services/tickets/reply-to-ticket";
import { ReplyAndSetStatusSchema, type ReplyAndSetStatusInput } from "@/lib/validations/tickets";

/**
 * A public reply and then a status, as one change ("Send and set resolved"): both happen or
 * neither. The status lands on the ticket the reply went to (a follow-up, when the reply did).
 */
export async function replyAndSetStatus(
  ctx: ActorContext,
  input: ReplyAndSetStatusInput,
  db?: Prisma.TransactionClient,
) {
  const { status, ...reply } = parseInput(ReplyAndSetStatusSchema, input);
  return inTransaction(db, async (tx) => {
    const sent = await replyToTicket(ctx, reply, tx);
    const changed = await changeTicketStatus(ctx, { ticket: sent.ticket, to: status, action: "status" }, tx);
    return { ...sent, status: changed.status, case_status: changed.case_status };
  });
}
