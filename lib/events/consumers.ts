import "server-only";
import { emailCsatConsumer, emailReplyConsumer } from "@/lib/jobs/handlers/email-out";
import type { EventConsumer } from "@/lib/events/types";
import { webhookEventsJob } from "@/lib/jobs/handlers/webhook-events";
import { notifyOnEventJob } from "@/lib/jobs/handlers/notify-on-event";
import { runAutomationsJob } from "@/lib/jobs/handlers/run-automations";

export type { EventConsumer };

/** Every consumer of domain events. Each gets its own job per event, with its own retries. */
export const EVENT_CONSUMERS: readonly EventConsumer[] = [
  runAutomationsJob,
  notifyOnEventJob,
  webhookEventsJob,
  emailReplyConsumer,
  emailCsatConsumer,
];
