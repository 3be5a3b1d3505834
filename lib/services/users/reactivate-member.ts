import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireMayActOn } from "@/lib/auth/rank";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findMember } from "@/lib/services/users/find-member";
import { MemberRefSchema, type MemberRefInput } from "@/lib/validations/users";

/**
 * Undoes offboarding: the person can sign in to this workspace again with their
 * old role. What was revoked stays revoked; they make new tokens themselves.
 */
export async function reactivateMember(ctx: ActorContext, input: MemberRefInput) {
  const { user_id } = parseInput(MemberRefSchema, input);
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", "Only admins and owners reactivate people.");
  const member = await findMember(ctx, user_id);
  requireMayActOn(ctx, member, "reactivate an owner");
  if (!member.deactivatedAt) throw new AppError("conflict", `${member.user.name} is already active in this workspace.`);
  await prisma.membership.update({
    where: { workspaceId_userId: { ...inWorkspace(ctx), userId: user_id } },
    data: { deactivatedAt: null },
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, { action: "user.reactivate", details: { user_id } });
  return { user_id, reactivated: true };
}
