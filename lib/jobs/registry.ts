import "server-only";
import { auditRetention } from "@/lib/jobs/handlers/audit-retention";
import { autoCloseTicketsJob } from "@/lib/jobs/handlers/auto-close-tickets";
import { compactCountsJob } from "@/lib/jobs/handlers/compact-counts";
import { deliverWebhookJob } from "@/lib/jobs/handlers/deliver-webhook";
import { eventRetention } from "@/lib/jobs/handlers/event-retention";
import { jobReceiptRetention } from "@/lib/jobs/handlers/job-receipt-retention";
import { refreshAnalytics } from "@/lib/jobs/handlers/refresh-analytics";
import { sendMailJob } from "@/lib/jobs/handlers/send-mail";
import { slaBreachesJob } from "@/lib/jobs/handlers/sla-breaches";
import { webhookDeliveryRetention } from "@/lib/jobs/handlers/webhook-delivery-retention";
import { slaDueSoonJob } from "@/lib/jobs/handlers/sla-due-soon";
import type { JobKind } from "@/lib/jobs/kind";
import { EVENT_CONSUMERS } from "@/lib/events/consumers";

/** Every job kind the app runs; workers serve these queues and keep their schedules. */
export const JOB_KINDS: readonly JobKind[] = [
  auditRetention,
  jobReceiptRetention,
  compactCountsJob,
  refreshAnalytics,
  autoCloseTicketsJob,
  slaBreachesJob,
  deliverWebhookJob,
  webhookDeliveryRetention,
  slaDueSoonJob,
  eventRetention,
  sendMailJob,
  ...EVENT_CONSUMERS,
];

export type JobKindName = (typeof JOB_KINDS)[number]["name"];
