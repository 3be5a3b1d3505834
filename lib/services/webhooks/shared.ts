import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { decryptSecret } from "@/lib/credentials/encryption";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkOutboundTarget, OutboundError } from "@/lib/outbound/fetch";

/** Most endpoints one workspace keeps: every event is matched against them all. */
export const MAX_WEBHOOKS = 20;

export const WEBHOOK_SELECT = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledReason: true,
  disabledAt: true,
  consecutiveFailures: true,
  previousSecretExpiresAt: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.WebhookEndpointSelect;

export type WebhookRow = Prisma.WebhookEndpointGetPayload<{ select: typeof WEBHOOK_SELECT }>;

/** The endpoint as tools and pages show it: never its secret. */
export function webhookJson(row: WebhookRow, now = new Date()) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.eventTypes,
    enabled: row.enabled,
    disabled_reason: row.enabled ? null : row.disabledReason,
    disabled_at: row.enabled ? null : (row.disabledAt?.toISOString() ?? null),
    consecutive_failures: row.consecutiveFailures,
    /** While set, deliveries carry a second signature made with the previous secret. */
    rotation_overlap_until:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > now
        ? row.previousSecretExpiresAt.toISOString()
        : null,
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
export type WebhookJson = ReturnType<typeof webhookJson>;

/** Webhooks send the workspace's data to a URL of the caller's choosing: admins and owners manage them. */
export function requireWebhookAdmin(ctx: ActorContext, what: string) {
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", `Only admins and owners ${what}.`);
}

export async function findWebhookOrThrow(db: Prisma.TransactionClient, ctx: ActorContext, id: string) {
  const row = await db.webhookEndpoint.findFirst({ where: { ...inWorkspace(ctx), id }, select: WEBHOOK_SELECT });
  if (!row) throw new AppError("not_found", `Webhook ${id} not found.`, { fields: { webhook: ["no such webhook"] } });
  return row;
}

/** Whether the operator lets deliveries reach private and loopback addresses. */
export function privateTargetsAllowed(): boolean {
  return getEnv().WEBHOOKS_ALLOW_PRIVATE_TARGETS === "on";
}

/** Refuses a URL deliveries could not reach (or must not), as a field error on url. */
export async function checkWebhookUrl(url: string): Promise<string> {
  try {
    return (await checkOutboundTarget(url, { allowPrivateTargets: privateTargetsAllowed() })).toString();
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    const why =
      error.reason === "private_address"
        ? `${error.message} Webhooks only reach public addresses unless the operator sets WEBHOOKS_ALLOW_PRIVATE_TARGETS=on.`
        : error.message;
    throw new AppError("validation_error", `url: ${why}`, { fields: { url: [why] } });
  }
}

/** The secrets a delivery signs with now: the current one, and the previous one during its overlap. */
export function signingSecrets(
  row: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now = new Date(),
): string[] {
  const current = decryptSecret(row.secret);
  if (!current) throw new Error("The webhook secret cannot be read: SECRET_ENCRYPTION_KEY changed");
  const previous =
    row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now
      ? decryptSecret(row.previousSecret)
      : null;
  return previous ? [current, previous] : [current];
}
