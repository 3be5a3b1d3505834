import type { ClaimedEvent } from "@/lib/events/types";

const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);

/**
 * Whether an event can make a notification at all, from what it carries: an assignment to someone
 * other than the actor, an internal note (it may mention someone), a customer's reply (not the message
 * that opened the ticket), an SLA target
 * due soon. The notify job reads the ticket and the message for the rest.
 */
export function mayNotify(event: Pick<ClaimedEvent, "type" | "data" | "actorUserId">): boolean {
  switch (event.type) {
    case "ticket.updated": {
      const assigneeId = str(event.data.assignee_id);
      return !!assigneeId && assigneeId !== event.actorUserId && assigneeId !== str(event.data.previous_assignee_id);
    }
    case "message.created":
      return event.data.kind === "note" || (event.data.author_type === "contact" && event.data.opens_ticket !== true);
    case "sla.due_soon":
      return true;
    default:
      return false;
  }
}
