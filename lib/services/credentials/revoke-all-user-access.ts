import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { requireMayActOn } from "@/lib/auth/rank";
import { roleAtLeast } from "@/lib/auth/roles";
import { revokeAccess } from "@/lib/credentials/revoke";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { forgetConsent, grantIdsOf } from "@/lib/oauth/store";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findMember } from "@/lib/services/users/find-member";
import { keepAnOwner } from "@/lib/services/users/keep-an-owner";

export type RevokeAllUserAccessOptions = { userId: string };

/**
 * Offboarding in one action: deactivates the person's membership, so they can
 * no longer sign in to this workspace or mint anything in it, and revokes every
 * personal token, user-level API key and authorized app (with its access and
 * refresh tokens) they have here. Their other workspaces are untouched, and an
 * admin can reactivate them (revoked credentials stay revoked). Follows the rank
 * rule, and the last owner cannot be offboarded.
 */
export async function revokeAllUserAccess(ctx: ActorContext, options: RevokeAllUserAccessOptions) {
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", "Only admins and owners offboard people.");
  if (options.userId === ctx.userId)
    throw new AppError("conflict", "You cannot offboard yourself; ask another admin or an owner.");
  const member = await findMember(ctx, options.userId);
  requireMayActOn(ctx, member, "offboard an owner");
  const now = new Date();
  const result = await prisma.$transaction(async (tx) => {
    if (member.role === "owner" && !member.deactivatedAt) await keepAnOwner(tx, ctx, member.userId, "offboard them");
    await tx.membership.updateMany({
      where: { ...inWorkspace(ctx), userId: member.userId, deactivatedAt: null },
      data: { deactivatedAt: now },
    });
    const counts = await revokeUserAccess(tx, ctx, member.userId, { reason: "revoked_by_admin", now });
    return { credentials: counts.credentials, apps: counts.grants };
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "user.revoke_all_access", details: { user_id: member.userId, ...result } });
  return {
    user_id: member.userId,
    deactivated: true,
    revoked_credentials: result.credentials,
    revoked_apps: result.apps,
  };
}

/**
 * Revokes, inside the caller's transaction, everything a user holds in the
 * workspace: their keys and tokens, their OAuth grants, every key minted under
 * any of them, and their remembered consents.
 */
export async function revokeUserAccess(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  userId: string,
  options: { reason: string; now: Date },
) {
  const [credentials, grants] = await Promise.all([
    tx.credential.findMany({ where: { ...inWorkspace(ctx), userId }, select: { id: true } }),
    grantIdsOf(tx, { ...inWorkspace(ctx), userId }),
  ]);
  const counts = await revokeAccess(
    tx,
    { credentialIds: credentials.map((c) => c.id), grantIds: grants },
    { reason: options.reason, revokedById: ctx.userId, now: options.now },
  );
  await forgetConsent(tx, { ...inWorkspace(ctx), userId });
  return counts;
}
