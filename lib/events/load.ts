import "server-only";
import { prisma } from "@/lib/db";
import type { DomainEvent, DomainEventType } from "@/lib/events/types";

/** The event a consumer's job names, or null when it is gone (its workspace was deleted). */
export async function loadEvent(eventId: string): Promise<DomainEvent | null> {
  const row = await prisma.domainEvent.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      workspaceId: true,
      type: true,
      ticketId: true,
      data: true,
      actorUserId: true,
      via: true,
      chainRuleIds: true,
      createdAt: true,
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    type: row.type as DomainEventType,
    ticketId: row.ticketId,
    data: (row.data ?? {}) as Record<string, unknown>,
    actorUserId: row.actorUserId,
    via: row.via,
    chain: { depth: row.chainRuleIds.length, ruleIds: row.chainRuleIds },
    createdAt: row.createdAt,
  };
}
