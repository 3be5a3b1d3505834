import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { RateLimitOverridesSchema, type RateLimitOverrides } from "@/lib/validations/settings";

/** Per-workspace rate-limit overrides (owners); empty fields fall back to the plan. */
export async function updateRateLimits(ctx: ActorContext, input: RateLimitOverrides) {
  const overrides = parseInput(RateLimitOverridesSchema, input);
  if (ctx.role !== "owner") throw new AppError("owner_required", "Only owners change the workspace's rate limits.");
  await prisma.workspace.update({ where: { id: ctx.workspaceId }, data: { rateLimitOverrides: overrides } });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "settings.rate_limits", details: overrides });
  return overrides;
}
