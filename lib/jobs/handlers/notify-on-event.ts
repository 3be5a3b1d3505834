import "server-only";
import type { EventConsumer } from "@/lib/events/types";
import { loadEvent } from "@/lib/events/load";
import { EventJobPayload } from "@/lib/events/types";
import { defineJobKind } from "@/lib/jobs/kind";
import { mayNotify } from "@/lib/services/notifications/may-notify";
import { notifyOnEvent } from "@/lib/services/notifications/notify-on-event";

/** Per event: the agents' in-app notifications (and their emails) it calls for. */
export const notifyOnEventJob: EventConsumer = {
  ...defineJobKind({
    name: "notify-on-event",
    payload: EventJobPayload,
    concurrency: 8,
    retryLimit: 3,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
    async handle({ eventId }) {
      const event = await loadEvent(eventId);
      if (event) await notifyOnEvent(event);
    },
  }),
  accepts: ["ticket.updated", "message.created", "sla.due_soon"],
  wants: (events) => events.filter(mayNotify),
};
