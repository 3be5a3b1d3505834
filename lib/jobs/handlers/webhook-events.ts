import "server-only";
import type { EventConsumer } from "@/lib/events/types";
import { EventJobPayload } from "@/lib/events/types";
import { defineJobKind } from "@/lib/jobs/kind";
import { fanOutWebhookEvent } from "@/lib/services/webhooks/fan-out-event";
import { subscribedEvents } from "@/lib/services/webhooks/subscribed-events";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validations/webhooks";

/** Consumes domain events: one deliver-webhook job per subscribed, enabled endpoint. */
export const webhookEventsJob: EventConsumer = {
  ...defineJobKind({
    name: "webhook-events",
    payload: EventJobPayload,
    retryLimit: 5,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
    // Fanning an event out is two short queries; a batch per polling round keeps up with busy workspaces.
    concurrency: 20,
    async handle({ eventId }) {
      await fanOutWebhookEvent(eventId);
    },
  }),
  accepts: WEBHOOK_EVENT_TYPES,
  wants: subscribedEvents,
};
