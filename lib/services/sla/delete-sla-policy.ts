import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findSlaPolicyOrThrow, requireSlaAdmin } from "@/lib/services/sla/shared";
import { SlaPolicyRefSchema, type SlaPolicyRefInput } from "@/lib/validations/sla";

/**
 * Deletes a policy. Its tickets stop counting down at once (no breach is flagged against targets
 * nobody keeps any more) and take whatever policy applies at their next change.
 */
export async function deleteSlaPolicy(ctx: ActorContext, input: SlaPolicyRefInput) {
  const { sla_policy } = parseInput(SlaPolicyRefSchema, input);
  requireSlaAdmin(ctx, "delete SLA policies");
  const { deleted, tickets } = await prisma.$transaction(async (tx) => {
    const current = await findSlaPolicyOrThrow(tx, ctx, sla_policy);
    const { count } = await tx.ticket.updateMany({
      where: { ...inWorkspace(ctx), slaPolicyId: current.id },
      data: { slaDueAt: null, slaBreachedAt: null },
    });
    await tx.slaPolicy.delete({ where: { id: current.id } });
    return { deleted: current, tickets: count };
  });
  await recordAudit(ctx, {
    action: "sla_policy.delete",
    details: { sla_policy_id: deleted.id, name: deleted.name, tickets },
  });
  return { id: deleted.id, name: deleted.name, deleted: true };
}
