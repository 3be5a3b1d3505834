import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { roleAtLeast } from "@/lib/auth/roles";
import { revokeAccess } from "@/lib/credentials/revoke";
import type { Prisma } from "@/lib/generated/prisma/client";
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
    const counts = await revokeUserAccess(tx, ctx, options.userId, { reason: "revoked_by_admin", now });
    return { credentials: counts.credentials, apps: counts.grants };
  });
  await recordAudit(ctx, { action: "user.revoke_all_access", details: { user_id: options.userId, ...result } });
  return { user_id: options.userId, revoked_credentials: result.credentials, revoked_apps: result.apps };
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
    tx.oAuthGrant.findMany({ where: { ...inWorkspace(ctx), userId }, select: { id: true } }),
  ]);
  const counts = await revokeAccess(
    tx,
    { credentialIds: credentials.map((c) => c.id), grantIds: grants.map((g) => g.id) },
    { reason: options.reason, revokedById: ctx.userId, now: options.now },
  );
  await tx.oAuthConsent.deleteMany({ where: { ...inWorkspace(ctx), userId } });
  return counts;
}
