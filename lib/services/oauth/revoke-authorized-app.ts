import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireMayActOn } from "@/lib/auth/rank";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { findGrant, forgetConsent, grantIdsOf, inTransaction, revokeGrant } from "@/lib/oauth/store";

export type RevokeAuthorizedAppOptions = { grantId: string };

/**
 * Revokes an authorized app: every grant the user gave that client in this
 * workspace, with all their access and refresh tokens, at once, and forgets the
 * remembered consent so reconnecting asks again. Users revoke their own apps;
 * someone else's follow the rank rule (an owner's apps need an owner).
 */
export async function revokeAuthorizedApp(ctx: ActorContext, options: RevokeAuthorizedAppOptions) {
  const grant = await findGrant(ctx.workspaceId, options.grantId);
  if (!grant) throw notFound("Authorized app");
  requireMayActOn(
    ctx,
    { userId: grant.userId, role: grant.user.memberships[0]?.role ?? null },
    "revoke an owner's authorized apps",
  );
  const reason = grant.userId === ctx.userId ? "revoked_by_user" : "revoked_by_admin";
  const connection = { ...inWorkspace(ctx), userId: grant.userId, clientId: grant.clientId };
  await inTransaction(async (tx) => {
    for (const id of await grantIdsOf(tx, connection, { live: true })) await revokeGrant(tx, id, reason);
    await forgetConsent(tx, connection);
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "oauth_app.revoke", details: { grant_id: grant.id, client: grant.client.name } });
  return { grant_id: grant.id, client: grant.client.name, revoked: true };
}
