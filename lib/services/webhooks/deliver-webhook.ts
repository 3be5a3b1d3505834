import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { defineJobSpec } from "@/lib/jobs/kind";
import { fetchOutbound, OutboundError } from "@/lib/outbound/fetch";
import { notifyWebhookDisabled } from "@/lib/services/webhooks/notify-webhook-disabled";
import { privateTargetsAllowed, signingSecrets } from "@/lib/services/webhooks/shared";
import { webhookHeaders } from "@/lib/services/webhooks/signature";

/** One event for one endpoint: the body is fixed when the event is fanned out (or resent). */
export const DeliverWebhookPayload = z.strictObject({
  endpointId: z.string().min(1).max(64),
  eventId: z.string().min(1).max(64),
  eventType: z.string().min(1).max(64),
  body: z.string().max(1_000_000),
});
export type DeliverWebhookPayload = z.infer<typeof DeliverWebhookPayload>;

/**
 * One webhook delivery per job (lib/jobs/handlers/deliver-webhook.ts): a failed attempt is retried
 * with exponential backoff from WEBHOOK_RETRY_DELAY_SECONDS (5 retries: about 30 s to 16 min apart
 * at the default). A worker takes a batch per polling round and waits for all of it: a batch of 10
 * keeps a slow receiver (10 s at most) from holding many deliveries, and gives each worker about 5
 * a second.
 */
export const DELIVER_WEBHOOK_JOB = defineJobSpec({
  name: "deliver-webhook",
  payload: DeliverWebhookPayload,
  retryLimit: 5,
  retryDelaySeconds: () => getEnv().WEBHOOK_RETRY_DELAY_SECONDS,
  backoff: true,
  expireInSeconds: 60,
  concurrency: 10,
});

/** A receiver has this long to answer. */
const TIMEOUT_MS = 10_000;
/** Read at most this much of an answer; the log keeps the first RESPONSE_EXCERPT characters. */
const MAX_RESPONSE_BYTES = 256 * 1024;
const RESPONSE_EXCERPT = 2_000;
const USER_AGENT = "Deskbridge-Webhooks/1";
/** Refusals that no retry can change: the URL or its address is not allowed. */
const PERMANENT = new Set(["invalid_url", "private_address"]);

export type DeliveryOutcome =
  { result: "skipped" } | { result: "delivered"; status: number } | { result: "failed"; retry: boolean; error: string };

/**
 * Makes one attempt: signs the body with the endpoint's current secrets, POSTs it through the
 * SSRF-guarded fetcher, logs the attempt, and keeps the endpoint's failure count: a 2xx resets it,
 * anything else adds one, and at WEBHOOK_FAILURE_LIMIT in a row the endpoint is turned off and its
 * admins are told. An endpoint deleted or turned off meanwhile is skipped.
 */
export async function deliverWebhook(job: DeliverWebhookPayload): Promise<DeliveryOutcome> {
  const endpoint = await prisma.webhookEndpoint.findUnique({
    where: { id: job.endpointId },
    select: {
      id: true,
      workspaceId: true,
      url: true,
      enabled: true,
      secret: true,
      previousSecret: true,
      previousSecretExpiresAt: true,
    },
  });
  if (!endpoint?.enabled) return { result: "skipped" };

  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    ...webhookHeaders(signingSecrets(endpoint), { id: job.eventId, timestamp, body: job.body }),
    "user-agent": USER_AGENT,
  };
  const started = performance.now();
  let status: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  let permanent = false;
  try {
    const response = await fetchOutbound(endpoint.url, {
      method: "POST",
      headers,
      body: job.body,
      timeoutMs: TIMEOUT_MS,
      maxBytes: MAX_RESPONSE_BYTES,
      acceptAnyStatus: true,
      allowPrivateTargets: privateTargetsAllowed(),
    });
    status = response.status;
    responseBody = response.body.toString("utf8").slice(0, RESPONSE_EXCERPT);
    if (status < 200 || status >= 300) error = `The receiver answered HTTP ${status}.`;
  } catch (thrown) {
    if (!(thrown instanceof OutboundError)) throw thrown;
    status = thrown.status ?? null;
    error = thrown.message;
    permanent = PERMANENT.has(thrown.reason);
  }
  const durationMs = Math.round(performance.now() - started);
  const success = error === null;
  const limit = getEnv().WEBHOOK_FAILURE_LIMIT;

  const { disabledNow, failures } = await prisma.$transaction(async (tx) => {
    const attempt = (await tx.webhookDelivery.count({ where: { endpointId: endpoint.id, eventId: job.eventId } })) + 1;
    await tx.webhookDelivery.create({
      data: {
        workspaceId: endpoint.workspaceId,
        endpointId: endpoint.id,
        eventId: job.eventId,
        eventType: job.eventType,
        attempt,
        requestBody: job.body,
        requestHeaders: headers,
        responseStatus: status,
        responseBody,
        durationMs,
        success,
        error,
      },
    });
    if (success) {
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: 0 } });
      return { disabledNow: false, failures: 0 };
    }
    const counted = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true },
    });
    if (counted.consecutiveFailures < limit) return { disabledNow: false, failures: counted.consecutiveFailures };
    // Only the attempt that turns it off tells the admins, however many fail at once.
    const off = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, enabled: true },
      data: {
        enabled: false,
        disabledAt: new Date(),
        disabledReason: `Turned off after ${counted.consecutiveFailures} failed deliveries in a row (last: ${error})`,
      },
    });
    return { disabledNow: off.count === 1, failures: counted.consecutiveFailures };
  });

  if (success) return { result: "delivered", status: status! };
  if (disabledNow) await notifyWebhookDisabled(endpoint.id, failures, error!);
  return { result: "failed", retry: !permanent && failures < limit, error: error! };
}
