import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { getJobQueue } from "@/lib/jobs/queue";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookPayload } from "@/lib/services/webhooks/deliver-webhook";
import { requireWebhookAdmin } from "@/lib/services/webhooks/shared";
import { RedeliverWebhookSchema, type RedeliverWebhookInput } from "@/lib/validations/webhooks";

/**
 * Sends a logged delivery's event again, with the same id and body and fresh signatures: a new
 * attempt row appears in the log once the queue has run it.
 */
export async function redeliverWebhook(ctx: ActorContext, input: RedeliverWebhookInput) {
  const data = parseInput(RedeliverWebhookSchema, input);
  requireWebhookAdmin(ctx, "resend webhook deliveries");
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { ...inWorkspace(ctx), id: data.delivery },
    select: {
      id: true,
      eventId: true,
      eventType: true,
      requestBody: true,
      endpoint: { select: { id: true, enabled: true } },
    },
  });
  if (!delivery)
    throw new AppError("not_found", `Delivery ${data.delivery} not found.`, {
      fields: { delivery: ["no such delivery"] },
    });
  if (!delivery.endpoint.enabled)
    throw new AppError("conflict", "The webhook is turned off: turn it on before sending again.");
  const payload: DeliverWebhookPayload = {
    endpointId: delivery.endpoint.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    body: delivery.requestBody,
  };
  // Each resend is its own request, never folded into an earlier one.
  await getJobQueue().enqueue(DELIVER_WEBHOOK_JOB, payload, { idempotencyKey: `resend:${randomUUID()}` });
  await recordAudit(ctx, {
    action: "webhook.redeliver",
    details: { webhook_id: delivery.endpoint.id, delivery_id: delivery.id, event_id: delivery.eventId },
  });
  return { queued: true, webhook: delivery.endpoint.id, event_id: delivery.eventId, event_type: delivery.eventType };
}
