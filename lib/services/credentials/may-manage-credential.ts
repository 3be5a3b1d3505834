import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireMayActOn } from "@/lib/auth/rank";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** What the rule below reads of a credential; select it with `credentialHolder(ctx)`. */
export type ManagedCredential = {
  kind: "workspace_key" | "personal_token";
  userId: string | null;
  user: { memberships: { role: Parameters<typeof roleAtLeast>[0] }[] } | null;
};

/** The holder's role in the actor's workspace, for the rank rule. */
export const credentialHolder = (ctx: ActorContext) => ({
  select: { memberships: { where: inWorkspace(ctx), select: { role: true } } },
});

/**
 * Who may manage (revoke, rename, rotate, change the IP allow-list of) a key or token: anyone their own; an org-level key, which acts as
 * the workspace, an admin; a credential bound to someone else by the rank rule.
 */
export function requireMayManageCredential(
  ctx: ActorContext,
  credential: ManagedCredential,
  verb: "revoke" | "rename" | "rotate" | "change the IP allow-list of",
) {
  if (credential.userId === null) {
    if (!roleAtLeast(ctx.role, "admin"))
      throw new AppError("admin_required", `Only admins and owners can ${verb} workspace API keys.`);
    return;
  }
  requireMayActOn(
    ctx,
    { userId: credential.userId, role: credential.user?.memberships[0]?.role ?? null },
    `${verb} an owner's ${credential.kind === "personal_token" ? "personal token" : "user-level key"}`,
  );
}
