import "server-only";
import { prisma } from "@/lib/db";
import { roleAtLeast } from "@/lib/auth/roles";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { RoundRobinSchema, type RoundRobinInput } from "@/lib/validations/agent-status";

/** Turns round-robin auto-assignment on or off for the workspace (owners, as every workspace setting; audited when it changes). */
export async function updateRoundRobin(ctx: ActorContext, input: RoundRobinInput) {
  const { round_robin } = parseInput(RoundRobinSchema, input);
  if (!roleAtLeast(ctx.role, "owner"))
    throw new AppError("owner_required", "Only owners turn round-robin assignment on or off.");
  return prisma.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { roundRobin: true },
    });
    if (before.roundRobin === round_robin) return { round_robin, changed: false };
    await tx.workspace.update({ where: { id: ctx.workspaceId }, data: { roundRobin: round_robin } });
    await tx.auditEvent.create({
      data: auditRow(ctx, { action: "workspace.round_robin", details: { from: before.roundRobin, to: round_robin } }),
    });
    return { round_robin, changed: true };
  });
}
