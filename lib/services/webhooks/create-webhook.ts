import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { canEncrypt, encryptSecret } from "@/lib/credentials/encryption";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { generateWebhookSecret } from "@/lib/services/webhooks/signature";
import {
  checkWebhookUrl,
  MAX_WEBHOOKS,
  requireWebhookAdmin,
  WEBHOOK_SELECT,
  webhookJson,
} from "@/lib/services/webhooks/shared";
import { CreateWebhookSchema, type CreateWebhookInput } from "@/lib/validations/webhooks";

export function requireEncryption() {
  if (!canEncrypt())
    throw new AppError("unavailable", "Webhook secrets need SECRET_ENCRYPTION_KEY, which this server does not have.");
}

/** Adds an endpoint; the signing secret is in the answer this once and never again. */
export async function createWebhook(ctx: ActorContext, input: CreateWebhookInput) {
  const data = parseInput(CreateWebhookSchema, input);
  requireWebhookAdmin(ctx, "create webhooks");
  requireEncryption();
  const url = await checkWebhookUrl(data.url);
  const secret = generateWebhookSecret();
  const created = await prisma.$transaction(async (tx) => {
    const count = await tx.webhookEndpoint.count({ where: inWorkspace(ctx) });
    if (count >= MAX_WEBHOOKS)
      throw new AppError("limit_reached", `A workspace keeps at most ${MAX_WEBHOOKS} webhooks.`);
    return tx.webhookEndpoint.create({
      data: {
        ...inWorkspace(ctx),
        url,
        description: data.description ?? "",
        eventTypes: data.events,
        enabled: data.enabled,
        disabledReason: data.enabled ? null : "Created turned off.",
        disabledAt: data.enabled ? null : new Date(),
        secret: encryptSecret(secret),
        createdById: ctx.userId,
      },
      select: WEBHOOK_SELECT,
    });
  });
  await recordAudit(ctx, {
    action: "webhook.create",
    details: { webhook_id: created.id, url: created.url, events: created.eventTypes },
  });
  return { ...webhookJson(created), secret };
}
