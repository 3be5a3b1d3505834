import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { claimInvitation } from "@/lib/services/invitations/claim-invitation";
import { usableInvitation } from "@/lib/services/invitations/find-invitation";

export type JoinWithInvitationOptions = { token: string; userId: string };

/**
 * Accepts an invitation with the signed-in person's existing account: their
 * email must be the invited one. Adds the membership with the invited role and
 * marks the invitation used, in one transaction.
 */
export async function joinWithInvitation(options: JoinWithInvitationOptions) {
  const invitation = await usableInvitation(options.token);
  const user = await prisma.user.findUnique({ where: { id: options.userId }, select: { id: true, email: true } });
  if (!user || user.email !== invitation.email) {
    throw new AppError(
      "conflict",
      `This invitation is for ${invitation.email}. Sign out, then sign in as ${invitation.email} to accept it.`,
    );
  }
  await prisma.$transaction(async (tx) => {
    await claimInvitation(tx, invitation.id);
    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invitation.workspace.id, userId: user.id } },
      select: { deactivatedAt: true },
    });
    if (membership) {
      throw new AppError(
        "conflict",
        membership.deactivatedAt
          ? `You were offboarded from ${invitation.workspace.name}; an admin can reactivate you in Admin → Agents.`
          : `You are already a member of ${invitation.workspace.name}.`,
      );
    }
    await tx.membership.create({
      data: { workspaceId: invitation.workspace.id, userId: user.id, role: invitation.role },
    });
  });
  await recordAudit(
    { workspaceId: invitation.workspace.id, userId: user.id, role: invitation.role, via: "web" },
    { action: "invitation.accept", details: { invitation_id: invitation.id, new_account: false } },
  );
  return { user_id: user.id, email: user.email, workspace: invitation.workspace };
}
