import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import {
  AUTOMATION_SELECT,
  automationJson,
  checkRuleReferences,
  findAutomationOrThrow,
  requireAutomationAdmin,
} from "@/lib/services/automations/shared";
import type { AutomationAction, AutomationCondition } from "@/lib/validations/automations";
import { UpdateAutomationSchema, type UpdateAutomationInput } from "@/lib/validations/automations";

/**
 * Changes a rule: name, trigger, conditions or actions (each replaced as a whole), enabled, or its
 * place in the order (the other rules shift to make room).
 */
export async function updateAutomation(ctx: ActorContext, input: UpdateAutomationInput) {
  const data = parseInput(UpdateAutomationSchema, input);
  requireAutomationAdmin(ctx, "change automations");
  const rule = await prisma.$transaction(async (tx) => {
    const current = await findAutomationOrThrow(tx, ctx, data.automation);
    if (data.conditions !== undefined || data.actions !== undefined)
      await checkRuleReferences(
        tx,
        ctx,
        data.conditions ?? (current.conditions as AutomationCondition[]),
        data.actions ?? (current.actions as AutomationAction[]),
      );
    if (data.position !== undefined) {
      await tx.$queryRaw`SELECT "id" FROM "Workspace" WHERE "id" = ${ctx.workspaceId} FOR UPDATE`;
      const order = await tx.automationRule.findMany({
        where: inWorkspace(ctx),
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, position: true },
      });
      const others = order.filter((r) => r.id !== current.id);
      const at = Math.min(data.position, order.length) - 1;
      const ids = [...others.slice(0, at).map((r) => r.id), current.id, ...others.slice(at).map((r) => r.id)];
      for (const [i, id] of ids.entries()) {
        if (order.find((r) => r.id === id)?.position !== i + 1)
          await tx.automationRule.update({ where: { id }, data: { position: i + 1 } });
      }
    }
    return tx.automationRule.update({
      where: { id: current.id },
      data: {
        name: data.name,
        trigger: data.trigger,
        conditions: data.conditions,
        actions: data.actions,
        enabled: data.enabled,
      },
      select: AUTOMATION_SELECT,
    });
  });
  await recordAudit(ctx, {
    action: "automation.update",
    details: {
      automation_id: rule.id,
      fields: Object.keys(data).filter((k) => k !== "automation" && data[k as keyof typeof data] !== undefined),
    },
  });
  return automationJson(rule);
}
