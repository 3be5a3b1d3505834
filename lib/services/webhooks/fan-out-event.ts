import "server-only";
import { prisma } from "@/lib/db";
import { loadEvent } from "@/lib/events/load";
import { webhookBody } from "@/lib/services/webhooks/event-payload";
import { DELIVER_WEBHOOK_KIND, type DeliverWebhookPayload } from "@/lib/services/webhooks/deliver-webhook";

/**
 * Hands one domain event to every enabled endpoint of its workspace subscribed to its type: one
 * delivery job each, keyed by event and endpoint, so a second run of this job enqueues nothing new.
 * Returns how many endpoints it matched.
 */
export async function fanOutWebhookEvent(eventId: string): Promise<number> {
  const event = await loadEvent(eventId);
  if (!event) return 0;
  const endpoints = await prisma.webhookEndpoint.findMany({
    where: { workspaceId: event.workspaceId, enabled: true, eventTypes: { has: event.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const body = await webhookBody(event);
  // Loaded here, not imported: the queue module lists every job kind, this job's own among them, so a
  // static import from a job's code would close an import cycle.
  const { getJobQueue } = await import("@/lib/jobs/queue");
  const queue = getJobQueue();
  for (const endpoint of endpoints) {
    const payload: DeliverWebhookPayload = {
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      body,
    };
    await queue.enqueue(DELIVER_WEBHOOK_KIND, payload, { idempotencyKey: `${event.id}:${endpoint.id}` });
  }
  return endpoints.length;
}
