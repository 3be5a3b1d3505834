import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireMayActOn } from "@/lib/auth/rank";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { revokeGrant } from "@/lib/oauth/tokens";
import { announceAccessChange } from "@/lib/credentials/auth-cache";

export type RevokeAuthorizedAppOptions = { grantId: string };

/**
 * Revokes an authorized app: every grant the user gave that client in this
 * workspace, with all their access and refresh tokens, at once, and forgets the
 * remembered consent so reconnecting asks again. Users revoke their own apps;
 * someone else's follow the rank rule (an owner's apps need an owner).
 */
export async function revokeAuthorizedApp(ctx: ActorContext, options: RevokeAuthorizedAppOptions) {
  const grant = await prisma.oAuthGrant.findFirst({
    where: { ...inWorkspace(ctx), id: options.grantId },
    select: {
      id: true,
      userId: true,
      clientId: true,
      client: { select: { name: true } },
      user: { select: { memberships: { where: inWorkspace(ctx), select: { role: true } } } },
    },
  });
  if (!grant) throw notFound("Authorized app");
  requireMayActOn(
    ctx,
    { userId: grant.userId, role: grant.user.memberships[0]?.role ?? null },
    "revoke an owner's authorized apps",
  );
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
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "oauth_app.revoke", details: { grant_id: grant.id, client: grant.client.name } });
  return { grant_id: grant.id, client: grant.client.name, revoked: true };
}
