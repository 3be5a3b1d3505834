import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { checkSlaPolicyFields } from "@/lib/services/sla/create-sla-policy";
import { findSlaPolicyOrThrow, requireSlaAdmin, SLA_POLICY_SELECT, slaPolicyJson } from "@/lib/services/sla/shared";
import { UpdateSlaPolicySchema, type UpdateSlaPolicyInput } from "@/lib/validations/sla";

/**
 * Changes a policy's name, conditions, targets or order; a field left out keeps its value. Tickets
 * take the new targets at their next change.
 */
export async function updateSlaPolicy(ctx: ActorContext, input: UpdateSlaPolicyInput) {
  const data = parseInput(UpdateSlaPolicySchema, input);
  requireSlaAdmin(ctx, "change SLA policies");
  const updated = await prisma.$transaction(async (tx) => {
    const current = await findSlaPolicyOrThrow(tx, ctx, data.sla_policy);
    await checkSlaPolicyFields(tx, ctx, { name: data.name, team: data.team }, current.id);
    return tx.slaPolicy.update({
      where: { id: current.id },
      data: {
        name: data.name,
        teamId: data.team,
        tag: data.tag,
        targets: data.targets,
        businessHours: data.business_hours,
        position: data.position,
      },
      select: SLA_POLICY_SELECT,
    });
  });
  await recordAudit(ctx, {
    action: "sla_policy.update",
    details: {
      sla_policy_id: updated.id,
      fields: Object.entries(data).flatMap(([k, v]) => (k === "sla_policy" || v === undefined ? [] : [k])),
    },
  });
  return slaPolicyJson(updated);
}
