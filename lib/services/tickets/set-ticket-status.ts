import "server-only";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";
import { SetTicketStatusSchema, type SetTicketStatusInput } from "@/lib/validations/case-statuses";

/** Sets any base status and/or sub-status: the ticket page's status picker and set_ticket_case_status. */
export function setTicketStatus(ctx: ActorContext, input: SetTicketStatusInput) {
  const data = parseInput(SetTicketStatusSchema, input);
  return changeTicketStatus(ctx, {
    ticket: data.ticket,
    to: data.status,
    caseStatus: data.case_status,
    action: "status",
    lastSeenMessageId: data.last_seen_message_id,
  });
}
