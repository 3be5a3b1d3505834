import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireMayActOn } from "@/lib/auth/rank";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { revokeUserAccess } from "@/lib/services/credentials/revoke-all-user-access";
import { findMember } from "@/lib/services/users/find-member";
import { keepAnOwner } from "@/lib/services/users/keep-an-owner";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { recordActivity } from "@/lib/services/tickets/record-activity";
import { DeleteUserSchema, type DeleteUserInput } from "@/lib/validations/users";

/**
 * Removes a person from the workspace: deactivates the membership, unassigns
 * their unresolved tickets (each noted in the ticket's history) and revokes
 * their credentials and authorized apps here. Their history stays. Follows the
 * rank rule; the last owner cannot be removed.
 */
export async function deleteUser(ctx: ActorContext, input: DeleteUserInput) {
  const { user_id } = parseInput(DeleteUserSchema, input);
  if (user_id === ctx.userId) throw new AppError("conflict", "You cannot remove yourself; ask another admin.");
  const membership = await findMember(ctx, user_id);
  if (membership.deactivatedAt) throw notFound("Agent");
  requireMayActOn(ctx, membership, "remove an owner");
  const now = new Date();
  const result = await prisma.$transaction(async (tx) => {
    if (membership.role === "owner") await keepAnOwner(tx, ctx, user_id, "remove them");
    await tx.membership.update({
      where: { workspaceId_userId: { ...inWorkspace(ctx), userId: user_id } },
      data: { deactivatedAt: now },
    });
    const tickets = await tx.ticket.findMany({
      where: { ...inWorkspace(ctx), assigneeId: user_id, status: { in: ["open", "pending"] } },
      select: { id: true },
    });
    if (tickets.length) {
      await tx.ticket.updateMany({
        where: { id: { in: tickets.map((t) => t.id) } },
        data: { assigneeId: null, updatedAt: now },
      });
      for (const t of tickets) {
        await recordActivity(tx, ctx, {
          ticketId: t.id,
          action: "assign",
          changes: { assignee: { from: membership.user.name, to: null } },
        });
      }
    }
    const revoked = await revokeUserAccess(tx, ctx, user_id, { reason: "user_removed", now });
    return { unassigned: tickets.length, credentials: revoked.credentials, apps: revoked.grants };
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "user.remove", details: { user_id, ...result } });
  return {
    user_id,
    deactivated: true,
    unassigned_tickets: result.unassigned,
    revoked_credentials: result.credentials,
    revoked_apps: result.apps,
  };
}
