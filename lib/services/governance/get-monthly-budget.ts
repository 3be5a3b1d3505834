import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { MONTHLY_TOOL_CALLS_PER_SEAT, monthlyBudgetFor } from "@/lib/rate-limit/policies";
import { RateLimitOverridesSchema } from "@/lib/validations/settings";

/**
 * The workspace's monthly tool-call budget: the plan's calls per seat times its active members, or
 * the owner's override; with the figures it comes from, for the limits shown in the app and get_me.
 */
export async function getMonthlyBudget(ctx: Pick<ActorContext, "workspaceId">) {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: {
      planTier: true,
      rateLimitOverrides: true,
      _count: { select: { memberships: { where: { deactivatedAt: null } } } },
    },
  });
  const seats = workspace._count.memberships;
  const overrides = RateLimitOverridesSchema.safeParse(workspace.rateLimitOverrides ?? {});
  return {
    workspaceId: ctx.workspaceId,
    calls: monthlyBudgetFor(workspace.planTier, seats, workspace.rateLimitOverrides),
    seats,
    perSeat: MONTHLY_TOOL_CALLS_PER_SEAT[workspace.planTier],
    overridden: overrides.success && overrides.data.perMonth !== undefined,
  };
}
