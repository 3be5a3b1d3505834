import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { revokeGrant } from "@/lib/oauth/tokens";

export type RevokeAuthorizedAppOptions = { grantId: string };

/**
 * Revokes an authorized app: every grant the user gave that client in this
 * workspace, with all their access and refresh tokens, at once, and forgets the
 * remembered consent so reconnecting asks again. Users revoke their own apps;
 * admins anyone's in the workspace.
 */
export async function revokeAuthorizedApp(ctx: ActorContext, options: RevokeAuthorizedAppOptions) {
  const grant = await prisma.oAuthGrant.findFirst({
    where: { ...inWorkspace(ctx), id: options.grantId },
    select: { id: true, userId: true, clientId: true, revokedAt: true, client: { select: { name: true } } },
  });
  if (!grant) throw notFound("Authorized app");
  if (grant.userId !== ctx.userId && !roleAtLeast(ctx.role, "admin")) {
    throw new AppError("admin_required", "Only admins and owners can revoke other people's apps.");
  }
  const reason = grant.userId === ctx.userId ? "revoked_by_user" : "revoked_by_admin";
  await prisma.$transaction(async (tx) => {
    const grants = await tx.oAuthGrant.findMany({
      where: { ...inWorkspace(ctx), userId: grant.userId, clientId: grant.clientId, revokedAt: null },
      select: { id: true },
    });
    for (const g of grants) await revokeGrant(tx, g.id, reason);
    await tx.oAuthConsent.deleteMany({
      where: { ...inWorkspace(ctx), userId: grant.userId, clientId: grant.clientId },
    });
  });
  await recordAudit(ctx, { action: "oauth_app.revoke", details: { grant_id: grant.id, client: grant.client.name } });
  return { grant_id: grant.id, client: grant.client.name, revoked: true };
}
