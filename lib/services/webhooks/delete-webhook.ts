import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findWebhookOrThrow, requireWebhookAdmin } from "@/lib/services/webhooks/shared";
import { WebhookRefSchema, type WebhookRefInput } from "@/lib/validations/webhooks";

/** Deletes an endpoint and its delivery log; deliveries already queued for it find nothing to send. */
export async function deleteWebhook(ctx: ActorContext, input: WebhookRefInput) {
  const data = parseInput(WebhookRefSchema, input);
  requireWebhookAdmin(ctx, "delete webhooks");
  const deleted = await prisma.$transaction(async (tx) => {
    const row = await findWebhookOrThrow(tx, ctx, data.webhook);
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    return row;
  });
  await recordAudit(ctx, { action: "webhook.delete", details: { webhook_id: deleted.id, url: deleted.url } });
  return { id: deleted.id, url: deleted.url, deleted: true };
}
