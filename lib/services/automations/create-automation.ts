import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import {
  AUTOMATION_SELECT,
  automationJson,
  checkRuleReferences,
  requireAutomationAdmin,
} from "@/lib/services/automations/shared";
import { CreateAutomationSchema, type CreateAutomationInput } from "@/lib/validations/automations";

/** Adds a rule at the end of the workspace's order. */
export async function createAutomation(ctx: ActorContext, input: CreateAutomationInput) {
  const data = parseInput(CreateAutomationSchema, input);
  requireAutomationAdmin(ctx, "create automations");
  const rule = await prisma.$transaction(async (tx) => {
    await checkRuleReferences(tx, ctx, data.conditions, data.actions);
    // Lock the workspace row so two creates do not take the same position.
    await tx.$queryRaw`SELECT "id" FROM "Workspace" WHERE "id" = ${ctx.workspaceId} FOR UPDATE`;
    const last = await tx.automationRule.aggregate({ where: inWorkspace(ctx), _max: { position: true } });
    return tx.automationRule.create({
      data: {
        workspaceId: ctx.workspaceId,
        name: data.name,
        trigger: data.trigger,
        conditions: data.conditions,
        actions: data.actions,
        enabled: data.enabled,
        position: (last._max.position ?? 0) + 1,
        createdById: ctx.userId,
      },
      select: AUTOMATION_SELECT,
    });
  });
  await recordAudit(ctx, {
    action: "automation.create",
    details: { automation_id: rule.id, name: rule.name, trigger: rule.trigger },
  });
  return automationJson(rule);
}
