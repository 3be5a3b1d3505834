import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { limitsFor, MONTHLY_TOOL_CALLS_PER_SEAT, monthlyBudgetFor, PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { RateLimitOverridesSchema } from "@/lib/validations/settings";

/**
 * The settings page's contents as data: name, plan, OAuth policy, round-robin and rate limits (plan,
 * overrides, in force, and the monthly tool-call budget: per seat, seats, in force).
 */
export async function describeWorkspaceSettings(ctx: Pick<ActorContext, "workspaceId">) {
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: {
      name: true,
      slug: true,
      planTier: true,
      rateLimitOverrides: true,
      oauthAuthorizePolicy: true,
      roundRobin: true,
      mcpConfirmDestructive: true,
      mcpConfirmBulkOver: true,
      _count: { select: { memberships: { where: { deactivatedAt: null } } } },
    },
  });
  const seats = workspace._count.memberships;
  const overrides = RateLimitOverridesSchema.safeParse(workspace.rateLimitOverrides ?? {});
  return {
    name: workspace.name,
    slug: workspace.slug,
    plan: workspace.planTier,
    oauth_authorize_policy: workspace.oauthAuthorizePolicy,
    round_robin: workspace.roundRobin,
    rate_limits: {
      plan: PLAN_LIMITS[workspace.planTier],
      overrides: overrides.success ? overrides.data : {},
      in_force: limitsFor(workspace.planTier, workspace.rateLimitOverrides),
      monthly_tool_calls: {
        per_seat: MONTHLY_TOOL_CALLS_PER_SEAT[workspace.planTier],
        seats,
        in_force: monthlyBudgetFor(workspace.planTier, seats, workspace.rateLimitOverrides),
      },
    },
    mcp_confirmation: { confirm_destructive: workspace.mcpConfirmDestructive, bulk_over: workspace.mcpConfirmBulkOver },
  };
}
