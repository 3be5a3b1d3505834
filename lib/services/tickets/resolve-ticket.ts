import "server-only";
import type { ActorContext } from "@/lib/context";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";

export type ResolveTicketOptions = { ticket: number | string; last_seen_message_id?: string };

export function resolveTicket(ctx: ActorContext, options: ResolveTicketOptions) {
  return changeTicketStatus(ctx, {
    ticket: options.ticket,
    to: "resolved",
    action: "resolve",
    lastSeenMessageId: options.last_seen_message_id,
  });
}
