import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { limitsFor, PLAN_LIMITS } from "@/lib/rate-limit/policies";
import { RateLimitOverridesSchema } from "@/lib/validations/settings";

/** The settings page's contents as data: name, plan, OAuth policy, round-robin and rate limits (plan, overrides, in force). */
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
    },
  });
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
    },
    mcp_confirmation: { confirm_destructive: workspace.mcpConfirmDestructive, bulk_over: workspace.mcpConfirmBulkOver },
  };
}
