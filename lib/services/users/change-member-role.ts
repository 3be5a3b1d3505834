import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { mayActOn, requireMayActOn } from "@/lib/auth/rank";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findMember } from "@/lib/services/users/find-member";
import { keepAnOwner } from "@/lib/services/users/keep-an-owner";
import { ChangeMemberRoleSchema, type ChangeMemberRoleInput } from "@/lib/validations/users";

/**
 * Changes an active member's role within the rank rule: owners change anyone's
 * role to anything; admins change admins and agents between admin and agent,
 * and never make an owner. The last owner keeps the owner role. Credentials
 * bound to the person act with the new role from their next request.
 */
export async function changeMemberRole(ctx: ActorContext, input: ChangeMemberRoleInput) {
  const data = parseInput(ChangeMemberRoleSchema, input);
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", "Only admins and owners change roles.");
  const member = await findMember(ctx, data.user_id);
  if (member.deactivatedAt) {
    throw new AppError("conflict", `${member.user.name} was offboarded: reactivate them before changing their role.`);
  }
  requireMayActOn(ctx, member, "change an owner's role");
  if (!mayActOn(ctx.role, data.role)) throw new AppError("owner_required", "Only an owner can make someone an owner.");
  if (member.role === data.role) return { user_id: member.userId, role: member.role, changed: false };
  await prisma.$transaction(async (tx) => {
    if (member.role === "owner") await keepAnOwner(tx, ctx, member.userId, "change their role");
    await tx.membership.update({
      where: { workspaceId_userId: { ...inWorkspace(ctx), userId: member.userId } },
      data: { role: data.role },
    });
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, {
    action: "user.change_role",
    details: { user_id: member.userId, from: member.role, to: data.role },
  });
  return { user_id: member.userId, role: data.role, changed: true };
}
