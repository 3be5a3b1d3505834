import "server-only";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { csatLink } from "@/lib/services/csat/link";
import { issueCsatRequest } from "@/lib/services/csat/shared";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { inTransaction } from "@/lib/services/tickets/in-transaction";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { CsatTicketSchema, type CsatTicketInput } from "@/lib/validations/csat";

/**
 * Issues a fresh rating link for a resolved (or closed) ticket, e.g. when the first was lost: the
 * earlier link stops taking ratings, a rating already given stays.
 */
export async function sendCsatRequest(ctx: ActorContext, input: CsatTicketInput) {
  const { ticket: number } = parseInput(CsatTicketSchema, input);
  const result = await inTransaction(undefined, async (tx) => {
    const ticket = await findTicketOrThrow(tx, ctx, number, {
      id: true,
      status: true,
      assigneeId: true,
      teamId: true,
    });
    if (ticket.status !== "resolved" && ticket.status !== "closed")
      throw new AppError(
        "conflict",
        `Ticket #${number} is ${ticket.status}: a rating request goes out once the ticket is resolved.`,
        { fields: { ticket: [`is ${ticket.status}, not resolved or closed`] } },
      );
    const issued = await issueCsatRequest(tx, ctx, ticket, { issuedBy: ctx.userId });
    await recordActivity(tx, ctx, {
      ticketId: ticket.id,
      action: "csat_requested",
      changes: { expires_at: issued.expiresAt.toISOString() },
    });
    return issued;
  });
  await recordAudit(ctx, { action: "csat.request", details: { ticket: number } });
  return { ticket: number, link: csatLink(result.key), expires_at: result.expiresAt.toISOString() };
}
