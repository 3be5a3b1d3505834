import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { claimInvitation } from "@/lib/services/invitations/claim-invitation";
import { usableInvitation } from "@/lib/services/invitations/find-invitation";
import { AcceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validations/users";

/**
 * Accepts an invitation with a new account: creates the user (password hashed
 * with Argon2id) and their membership with the invited role, and marks the
 * invitation used, all in one transaction. An email that already has an
 * account signs in and joins instead (joinWithInvitation).
 */
export async function acceptInvitation(input: AcceptInvitationInput) {
  const data = parseInput(AcceptInvitationSchema, input);
  const invitation = await usableInvitation(data.token);
  const passwordHash = await hashPassword(data.password);
  const user = await prisma.$transaction(async (tx) => {
    await claimInvitation(tx, invitation.id);
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) {
      throw new AppError(
        "conflict",
        `${invitation.email} already has an account: sign in with it, then open the invitation link again to join.`,
      );
    }
    const user = await tx.user.create({
      data: { email: invitation.email, name: data.name, passwordHash },
      select: { id: true, email: true },
    });
    await tx.membership.create({
      data: { workspaceId: invitation.workspace.id, userId: user.id, role: invitation.role },
    });
    return user;
  });
  await recordAudit(
    { workspaceId: invitation.workspace.id, userId: user.id, role: invitation.role, via: "web" },
    { action: "invitation.accept", details: { invitation_id: invitation.id, new_account: true } },
  );
  return { user_id: user.id, email: user.email, workspace: invitation.workspace };
}
