import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { issueInvitationToken } from "@/lib/services/invitations/issue-invitation-token";
import { InvitationRefSchema, type InvitationRefInput } from "@/lib/validations/users";

/**
 * A new link for a pending invitation (one made through MCP, whose link nobody
 * saw, or one whose link was lost or expired): the old link stops working and
 * the new one, good for seven more days, is returned to show once.
 */
export async function reissueInvitationLink(ctx: ActorContext, input: InvitationRefInput) {
  const { invitation_id } = parseInput(InvitationRefSchema, input);
  if (!roleAtLeast(ctx.role, "admin")) throw new AppError("admin_required", "Only admins and owners invite people.");
  const { tokenHash, link, expiresAt } = issueInvitationToken();
  const updated = await prisma.invitation.updateMany({
    where: { ...inWorkspace(ctx), id: invitation_id, acceptedAt: null, revokedAt: null },
    data: { tokenHash, expiresAt },
  });
  if (updated.count === 0) throw notFound("Pending invitation");
  await recordAudit(ctx, { action: "invitation.reissue", details: { invitation_id } });
  return { invitation_id, expires_at: expiresAt.toISOString(), link };
}
