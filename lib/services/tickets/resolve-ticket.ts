import "server-only";
import type { ActorContext } from "@/lib/context";
import { changeTicketStatus } from "@/lib/services/tickets/change-ticket-status";

export type ResolveTicketOptions = { ticket: number | string };

export function resolveTicket(ctx: ActorContext, options: ResolveTicketOptions) {
  return changeTicketStatus(ctx, { ticket: options.ticket, to: "resolved", action: "resolve" });
}
