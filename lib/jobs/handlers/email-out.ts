import "server-only";
import { defineJobKind } from "@/lib/jobs/kind";
import type { EventConsumer } from "@/lib/events/consumers";
import { loadEvent } from "@/lib/events/load";
import { EventJobPayload } from "@/lib/events/types";

/**
 * The mail services queue a send-mail job, so they import the queue, whose registry lists these
 * consumers: loaded when a job runs, the registry is complete by then (no import cycle at start-up).
 */
const mailServices = () => import("@/lib/services/email/send-ticket-mail");

// Mail that follows from ticket events. Each handler queues at most one mail per event (queueMail's
// idempotency key is the message or the rating request), so a second run of a job sends nothing new.

/** An agent's public reply on an email ticket goes to the contact and the followers; notes never do. */
export const emailReplyConsumer: EventConsumer = {
  ...defineJobKind({
    name: "email-reply",
    payload: EventJobPayload,
    concurrency: 8,
    async handle({ eventId }) {
      const event = await loadEvent(eventId);
      if (!event || event.data.kind !== "reply" || event.data.author_type !== "agent") return;
      if (typeof event.data.message_id !== "string") return;
      await (await mailServices()).sendReplyByEmail(event.data.message_id);
    },
  }),
  accepts: ["message.created"],
};

/** The rating request issued on resolve (or sent again by hand) goes to the contact of an email ticket. */
export const emailCsatConsumer: EventConsumer = {
  ...defineJobKind({
    name: "email-csat",
    payload: EventJobPayload,
    concurrency: 8,
    async handle({ eventId }) {
      const event = await loadEvent(eventId);
      if (!event?.ticketId) return;
      const resolved = event.type === "ticket.status_changed" && event.data.to === "resolved";
      const reissued = event.type === "ticket.updated" && event.data.action === "csat_requested";
      if (resolved || reissued) await (await mailServices()).sendCsatRequestByEmail(event.ticketId);
    },
  }),
  accepts: ["ticket.status_changed", "ticket.updated"],
};
