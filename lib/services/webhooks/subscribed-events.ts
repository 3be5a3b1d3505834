import "server-only";
import { prisma } from "@/lib/db";
import type { ClaimedEvent } from "@/lib/events/types";

/** The events some enabled endpoint of their workspace subscribes to (one query for the batch). */
export async function subscribedEvents(events: ClaimedEvent[]): Promise<ClaimedEvent[]> {
  if (events.length === 0) return [];
  const endpoints = await prisma.webhookEndpoint.findMany({
    where: {
      workspaceId: { in: [...new Set(events.map((e) => e.workspaceId))] },
      enabled: true,
      eventTypes: { hasSome: [...new Set(events.map((e) => e.type))] },
    },
    select: { workspaceId: true, eventTypes: true },
  });
  const subscribed = new Set(endpoints.flatMap((e) => e.eventTypes.map((type) => `${e.workspaceId} ${type}`)));
  return events.filter((event) => subscribed.has(`${event.workspaceId} ${event.type}`));
}
