import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";

/** The actor's workspace's plan, rate-limit overrides, OAuth policy and CSAT scale (settings and the limits tables). */
export async function getWorkspaceSettings(ctx: Pick<ActorContext, "workspaceId">) {
  return prisma.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: {
      planTier: true,
      rateLimitOverrides: true,
      oauthAuthorizePolicy: true,
      csatScale: true,
      roundRobin: true,
      mcpRepliesAsDrafts: true,
      mcpLockdown: true,
      requireTwoFactor: true,
      mcpConfirmDestructive: true,
      mcpConfirmBulkOver: true,
    },
  });
}
