import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { encryptSecret } from "@/lib/credentials/encryption";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { requireEncryption } from "@/lib/services/webhooks/create-webhook";
import { generateWebhookSecret } from "@/lib/services/webhooks/signature";
import { findWebhookOrThrow, requireWebhookAdmin, WEBHOOK_SELECT, webhookJson } from "@/lib/services/webhooks/shared";
import { RotateWebhookSecretSchema, type RotateWebhookSecretInput } from "@/lib/validations/webhooks";

/**
 * Issues a new signing secret (shown this once). For `overlap_hours` the old one signs too, so a
 * receiver can switch over without dropping a delivery; 0 retires it at once.
 */
export async function rotateWebhookSecret(ctx: ActorContext, input: RotateWebhookSecretInput) {
  const data = parseInput(RotateWebhookSecretSchema, input);
  requireWebhookAdmin(ctx, "rotate webhook secrets");
  requireEncryption();
  const secret = generateWebhookSecret();
  const until = new Date(Date.now() + data.overlap_hours * 3_600_000);
  const updated = await prisma.$transaction(async (tx) => {
    const current = await findWebhookOrThrow(tx, ctx, data.webhook);
    const sealed = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: current.id }, select: { secret: true } });
    return tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        secret: encryptSecret(secret),
        previousSecret: data.overlap_hours > 0 ? sealed.secret : null,
        previousSecretExpiresAt: data.overlap_hours > 0 ? until : null,
      },
      select: WEBHOOK_SELECT,
    });
  });
  await recordAudit(ctx, {
    action: "webhook.rotate_secret",
    details: { webhook_id: updated.id, overlap_hours: data.overlap_hours },
  });
  return { ...webhookJson(updated), secret };
}
