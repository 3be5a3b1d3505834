import "server-only";
import { prisma } from "@/lib/db";
import { loadEvent } from "@/lib/events/load";
import { getJobQueue } from "@/lib/jobs/queue";
import type { DomainEvent } from "@/lib/events/types";
import { webhookBody } from "@/lib/services/webhooks/event-payload";
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookPayload } from "@/lib/services/webhooks/deliver-webhook";

/**
 * Hands one domain event to every enabled endpoint of its workspace subscribed to its type: one
 * delivery job each, keyed by event and endpoint, so a second run of this job enqueues nothing new.
 * Returns how many endpoints it matched.
 */
export async function fanOutWebhookEvent(eventId: string): Promise<number> {
  const event = await loadEvent(eventId);
  if (!event) return 0;
  const endpoints = await prisma.webhookEndpoint.findMany({
    // An endpoint hears the events that happen after it is added, never a backlog from before it.
    where: {
      workspaceId: event.workspaceId,
      enabled: true,
      eventTypes: { has: event.type },
      createdAt: { lte: event.createdAt },
    },
    select: { id: true },
  });
  await queueWebhookDeliveries(
    event,
    endpoints.map((endpoint) => endpoint.id),
  );
  return endpoints.length;
}

/**
 * Queues the event's delivery to each endpoint (an automation's "send a webhook" names one whatever it
 * subscribes to). Keyed by event and endpoint: an endpoint that also subscribes gets the event once.
 */
export async function queueWebhookDeliveries(event: DomainEvent, endpointIds: readonly string[]): Promise<void> {
  if (endpointIds.length === 0) return;
  const body = await webhookBody(event);
  const queue = getJobQueue();
  for (const endpointId of endpointIds) {
    const payload: DeliverWebhookPayload = { endpointId, eventId: event.id, eventType: event.type, body };
    await queue.enqueue(DELIVER_WEBHOOK_JOB, payload, { idempotencyKey: `${event.id}:${endpointId}` });
  }
}
