import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { roleAtLeast } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/services/audit/record-audit";

export type RevokeAllUserAccessOptions = { userId: string };

/**
 * Offboarding in one action: revokes every personal token, user-level API key
 * and authorized app (with its access and refresh tokens) the user has in this workspace.
 */
export async function revokeAllUserAccess(ctx: ActorContext, options: RevokeAllUserAccessOptions) {
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", "Only admins and owners manage other agents' access.");
  const member = await prisma.membership.findUnique({
    where: { workspaceId_userId: { ...inWorkspace(ctx), userId: options.userId } },
    select: { userId: true },
  });
  if (!member) throw notFound("Agent");
  const now = new Date();
  const result = await prisma.$transaction(async (tx) => {
    const credentials = await tx.credential.updateMany({
      where: { ...inWorkspace(ctx), userId: options.userId, revokedAt: null },
      data: { revokedAt: now, revokedById: ctx.userId },
    });
    const grants = await tx.oAuthGrant.findMany({
      where: { ...inWorkspace(ctx), userId: options.userId, revokedAt: null },
      select: { id: true },
    });
    const grantIds = grants.map((g) => g.id);
    if (grantIds.length) {
      await tx.oAuthGrant.updateMany({
        where: { id: { in: grantIds } },
        data: { revokedAt: now, revokedReason: "revoked_by_admin" },
      });
      await tx.oAuthToken.updateMany({
        where: { grantId: { in: grantIds }, revokedAt: null },
        data: { revokedAt: now },
      });
    }
    await tx.oAuthConsent.deleteMany({ where: { ...inWorkspace(ctx), userId: options.userId } });
    return { credentials: credentials.count, apps: grantIds.length };
  });
  await recordAudit(ctx, { action: "user.revoke_all_access", details: { user_id: options.userId, ...result } });
  return { user_id: options.userId, revoked_credentials: result.credentials, revoked_apps: result.apps };
}
