import "server-only";
import type { EventConsumer } from "@/lib/events/types";
import { loadEvent } from "@/lib/events/load";
import { EventJobPayload } from "@/lib/events/types";
import { defineJobKind } from "@/lib/jobs/kind";
import { eventsWithRules } from "@/lib/services/automations/trigger";
import { runAutomations } from "@/lib/services/automations/run-automations";

/** Per event: the workspace's enabled rules for its trigger, in order (each rule once per event). */
export const runAutomationsJob: EventConsumer = {
  ...defineJobKind({
    name: "run-automations",
    payload: EventJobPayload,
    concurrency: 4,
    retryLimit: 3,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
    async handle({ eventId }) {
      const event = await loadEvent(eventId);
      if (event) await runAutomations(event);
    },
  }),
  accepts: ["ticket.created", "ticket.updated", "message.created", "sla.due_soon", "sla.breached", "csat.rated"],
  wants: eventsWithRules,
};
