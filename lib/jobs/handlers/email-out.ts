import "server-only";
import { defineJobKind } from "@/lib/jobs/kind";
import type { EventConsumer } from "@/lib/events/types";
import { loadEvent } from "@/lib/events/load";
import { EventJobPayload, type ClaimedEvent } from "@/lib/events/types";
import { sendCsatRequestByEmail, sendReplyByEmail } from "@/lib/services/email/send-ticket-mail";

/** An agent's public reply: the one message an email ticket's contact receives. */
const isAgentReply = (event: Pick<ClaimedEvent, "data">) =>
  event.data.kind === "reply" && event.data.author_type === "agent" && typeof event.data.message_id === "string";

/** A resolve, or a rating request sent again by hand. */
const asksForRating = (event: Pick<ClaimedEvent, "type" | "data">) =>
  (event.type === "ticket.status_changed" && event.data.to === "resolved") ||
  (event.type === "ticket.updated" && event.data.action === "csat_requested");

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
      if (!event || !isAgentReply(event)) return;
      await sendReplyByEmail(event.data.message_id as string);
    },
  }),
  accepts: ["message.created"],
  wants: (events) => events.filter(isAgentReply),
};

/** The rating request issued on resolve (or sent again by hand) goes to the contact of an email ticket. */
export const emailCsatConsumer: EventConsumer = {
  ...defineJobKind({
    name: "email-csat",
    payload: EventJobPayload,
    concurrency: 8,
    async handle({ eventId }) {
      const event = await loadEvent(eventId);
      if (event?.ticketId && asksForRating(event)) await sendCsatRequestByEmail(event.ticketId);
    },
  }),
  accepts: ["ticket.status_changed", "ticket.updated"],
  wants: (events) => events.filter(asksForRating),
};
