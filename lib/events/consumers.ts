import "server-only";
import type { JobKind } from "@/lib/jobs/kind";
import { emailCsatConsumer, emailReplyConsumer } from "@/lib/jobs/handlers/email-out";
import type { ClaimedEvent, DomainEventType, EventJobPayload } from "@/lib/events/types";
import { webhookEventsJob } from "@/lib/jobs/handlers/webhook-events";
import { notifyOnEventJob } from "@/lib/jobs/handlers/notify-on-event";
import { runAutomationsJob } from "@/lib/jobs/handlers/run-automations";

/** A job kind that handles events: the dispatcher enqueues one of its jobs per event it accepts. */
export type EventConsumer = JobKind<typeof EventJobPayload> & {
  /** The event types it handles; all when absent. */
  accepts?: readonly DomainEventType[];
  /**
   * Of a batch of accepted events, the ones this consumer has work for (one query per batch at most),
   * so a workspace without webhooks or rules gets no job that would find nothing to do. All when absent.
   */
  wants?: (events: ClaimedEvent[]) => ClaimedEvent[] | Promise<ClaimedEvent[]>;
};

/** Every consumer of domain events. Each gets its own job per event, with its own retries. */
export const EVENT_CONSUMERS: readonly EventConsumer[] = [
  runAutomationsJob,
  notifyOnEventJob,
  webhookEventsJob,
  emailReplyConsumer,
  emailCsatConsumer,
];
