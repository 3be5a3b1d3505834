import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { issueInvitationToken } from "@/lib/services/invitations/issue-invitation-token";
import { InviteUserSchema, type InviteUserInput } from "@/lib/validations/users";

/**
 * Invites a person to the workspace as admin or agent: a single-use link that
 * expires in seven days, through which they set their name and password (or
 * join with the account they already have). Inviting the same email again
 * withdraws the earlier pending invitation. No password is made here: the
 * link is the only secret, returned apart from the invitation so callers that
 * must not see it (MCP tools) simply leave it out.
 */
export async function inviteUser(ctx: ActorContext, input: InviteUserInput) {
  const data = parseInput(InviteUserSchema, input);
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", "Only admins and owners invite people.");
  const membership = await prisma.membership.findFirst({
    where: { ...inWorkspace(ctx), user: { email: data.email } },
    select: { deactivatedAt: true },
  });
  if (membership) {
    const message = membership.deactivatedAt
      ? `${data.email} was offboarded from this workspace: reactivate them in Admin → Agents instead.`
      : `${data.email} is already a member of this workspace.`;
    throw new AppError("conflict", message, { fields: { email: [message] } });
  }
  const now = new Date();
  const { tokenHash, link, expiresAt } = issueInvitationToken(now);
  const invitation = await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { ...inWorkspace(ctx), email: data.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.invitation.create({
      data: {
        ...inWorkspace(ctx),
        email: data.email,
        name: data.name ?? null,
        role: data.role,
        tokenHash,
        createdById: ctx.userId,
        expiresAt,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
  });
  await recordAudit(ctx, { action: "user.invite", details: { invitation_id: invitation.id, role: invitation.role } });
  return {
    invitation: {
      invitation_id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expires_at: invitation.expiresAt.toISOString(),
    },
    link,
  };
}
