import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { requireUserId, statusJson } from "@/lib/services/agent-status/shared";
import { SetMyStatusSchema, type SetMyStatusInput } from "@/lib/validations/agent-status";

/** Sets the acting agent's own status; a change is audited with the change, setting the same status again is not. */
export async function setMyStatus(ctx: ActorContext, input: SetMyStatusInput) {
  const { status } = parseInput(SetMyStatusSchema, input);
  const userId = requireUserId(ctx, "Setting your status");
  return prisma.$transaction(async (tx) => {
    const where = { workspaceId_userId: { ...inWorkspace(ctx), userId } };
    const before = await tx.membership.findUnique({ where, select: { status: true, statusChangedAt: true } });
    if (!before) throw notFound("Membership");
    if (before.status === status) return { ...statusJson(before), changed: false };
    const row = await tx.membership.update({
      where,
      data: { status, statusChangedAt: new Date() },
      select: { status: true, statusChangedAt: true },
    });
    await tx.auditEvent.create({
      data: auditRow(ctx, { action: "agent_status.update", details: { from: before.status, to: status } }),
    });
    return { ...statusJson(row), changed: true };
  });
}
