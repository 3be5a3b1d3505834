import "server-only";
import type { ActorContext } from "@/lib/context";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";

export type ReopenTicketOptions = { ticket: number | string; last_seen_message_id?: string };

export function reopenTicket(ctx: ActorContext, options: ReopenTicketOptions) {
  return changeTicketStatus(ctx, {
    ticket: options.ticket,
    to: "open",
    action: "reopen",
    lastSeenMessageId: options.last_seen_message_id,
  });
}
