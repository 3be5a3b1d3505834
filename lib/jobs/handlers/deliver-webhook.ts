import "server-only";
import { getEnv } from "@/lib/env";
import { defineJobKind, type JobKind } from "@/lib/jobs/kind";
import { DELIVER_WEBHOOK_KIND, DeliverWebhookPayload, deliverWebhook } from "@/lib/services/webhooks/deliver-webhook";

/**
 * One webhook delivery: each attempt is logged; a failed one throws so the queue retries it with
 * exponential backoff from WEBHOOK_RETRY_DELAY_SECONDS (5 retries: about 30 s to 16 min apart at
 * the default), unless it can never succeed or the endpoint was turned off meanwhile.
 */
const kind = defineJobKind({
  name: DELIVER_WEBHOOK_KIND,
  payload: DeliverWebhookPayload,
  retryLimit: 5,
  backoff: true,
  expireInSeconds: 60,
  // A worker takes a batch per polling round and waits for all of it: a batch of 10 keeps a slow
  // receiver (10 s at most) from holding many deliveries, and gives each worker about 5 a second.
  concurrency: 10,
  async handle(payload) {
    const outcome = await deliverWebhook(payload);
    if (outcome.result === "failed" && outcome.retry) throw new Error(outcome.error);
  },
});

// The operator's retry delay is read when the queue declares its queues, not when this module loads
// (a build has no environment).
export const deliverWebhookJob: JobKind = Object.defineProperty(kind, "retryDelaySeconds", {
  get: () => getEnv().WEBHOOK_RETRY_DELAY_SECONDS,
  enumerable: true,
});
