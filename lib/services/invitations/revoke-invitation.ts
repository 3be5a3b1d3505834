import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { InvitationRefSchema, type InvitationRefInput } from "@/lib/validations/users";

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(ctx: ActorContext, input: InvitationRefInput) {
  const { invitation_id } = parseInput(InvitationRefSchema, input);
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", "Only admins and owners withdraw invitations.");
  const updated = await prisma.invitation.updateMany({
    where: { ...inWorkspace(ctx), id: invitation_id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (updated.count === 0) throw notFound("Pending invitation");
  await recordAudit(ctx, { action: "invitation.revoke", details: { invitation_id } });
  return { invitation_id, revoked: true };
}
