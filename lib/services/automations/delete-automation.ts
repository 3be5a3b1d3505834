import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { findAutomationOrThrow, requireAutomationAdmin } from "@/lib/services/automations/shared";
import { AutomationRefSchema, type AutomationRefInput } from "@/lib/validations/automations";

/** Deletes a rule and its run log; tickets it changed keep their history. The rules after it move up. */
export async function deleteAutomation(ctx: ActorContext, input: AutomationRefInput) {
  const { automation } = parseInput(AutomationRefSchema, input);
  requireAutomationAdmin(ctx, "delete automations");
  const rule = await prisma.$transaction(async (tx) => {
    const current = await findAutomationOrThrow(tx, ctx, automation);
    await tx.automationRule.delete({ where: { id: current.id } });
    await tx.automationRule.updateMany({
      where: { ...inWorkspace(ctx), position: { gt: current.position } },
      data: { position: { decrement: 1 } },
    });
    return current;
  });
  await recordAudit(ctx, { action: "automation.delete", details: { automation_id: rule.id, name: rule.name } });
  return { id: rule.id, name: rule.name, deleted: true };
}
