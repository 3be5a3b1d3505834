import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/services/audit/record-audit";
import {
  checkWebhookUrl,
  findWebhookOrThrow,
  requireWebhookAdmin,
  WEBHOOK_SELECT,
  webhookJson,
} from "@/lib/services/webhooks/shared";
import { UpdateWebhookSchema, type UpdateWebhookInput } from "@/lib/validations/webhooks";

/**
 * Changes an endpoint's URL, events, description or state. Turning it on again clears its failure
 * count, so it gets a full run of attempts before it is turned off again.
 */
export async function updateWebhook(ctx: ActorContext, input: UpdateWebhookInput) {
  const data = parseInput(UpdateWebhookSchema, input);
  requireWebhookAdmin(ctx, "change webhooks");
  // An unknown endpoint is not_found before its new URL is looked up.
  await findWebhookOrThrow(prisma, ctx, data.webhook);
  const url = data.url !== undefined ? await checkWebhookUrl(data.url) : undefined;
  const updated = await prisma.$transaction(async (tx) => {
    const current = await findWebhookOrThrow(tx, ctx, data.webhook);
    const fields: Prisma.WebhookEndpointUpdateInput = {
      url,
      eventTypes: data.events,
      description: data.description,
    };
    if (data.enabled === true && !current.enabled)
      Object.assign(fields, { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 });
    if (data.enabled === false && current.enabled)
      Object.assign(fields, { enabled: false, disabledReason: "Turned off by an admin.", disabledAt: new Date() });
    return tx.webhookEndpoint.update({ where: { id: current.id }, data: fields, select: WEBHOOK_SELECT });
  });
  await recordAudit(ctx, {
    action: "webhook.update",
    details: {
      webhook_id: updated.id,
      changed: Object.keys(data).filter((k) => k !== "webhook"),
      enabled: updated.enabled,
    },
  });
  return webhookJson(updated);
}
