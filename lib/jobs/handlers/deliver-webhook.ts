import "server-only";
import { defineJobKind } from "@/lib/jobs/kind";
import { DELIVER_WEBHOOK_JOB, deliverWebhook } from "@/lib/services/webhooks/deliver-webhook";

/**
 * One webhook delivery: each attempt is logged; a failed one throws so the queue retries it, unless
 * it can never succeed or the endpoint was turned off meanwhile.
 */
export const deliverWebhookJob = defineJobKind({
  ...DELIVER_WEBHOOK_JOB,
  async handle(payload) {
    const outcome = await deliverWebhook(payload);
    if (outcome.result === "failed" && outcome.retry) throw new Error(outcome.error);
  },
});
