import "server-only";
import { prisma } from "@/lib/db";
import type { ClaimedEvent, DomainEvent } from "@/lib/events/types";
import type { AutomationTrigger } from "@/lib/validations/automations";

/** The rule trigger an event answers, if any: message.received is a customer's message only. */
export function triggerOf(event: Pick<DomainEvent, "type" | "data">): AutomationTrigger | null {
  switch (event.type) {
    case "ticket.created":
    case "ticket.updated":
    case "sla.due_soon":
    case "sla.breached":
    case "csat.rated":
      return event.type;
    case "message.created":
      return event.data.author_type === "contact" ? "message.received" : null;
    default:
      return null;
  }
}

/** The events whose workspace has an enabled rule for their trigger (one query for the batch). */
export async function eventsWithRules(events: ClaimedEvent[]): Promise<ClaimedEvent[]> {
  const triggered = events.filter((event) => triggerOf(event) !== null);
  if (triggered.length === 0) return [];
  const rules = await prisma.automationRule.findMany({
    where: { workspaceId: { in: [...new Set(triggered.map((e) => e.workspaceId))] }, enabled: true },
    select: { workspaceId: true, trigger: true },
    distinct: ["workspaceId", "trigger"],
  });
  const live = new Set(rules.map((rule) => `${rule.workspaceId} ${rule.trigger}`));
  return triggered.filter((event) => live.has(`${event.workspaceId} ${triggerOf(event)}`));
}
