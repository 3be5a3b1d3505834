import "server-only";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { automationJson, findAutomationOrThrow, RUN_SELECT, runJson } from "@/lib/services/automations/shared";
import { AutomationRefSchema, type AutomationRefInput } from "@/lib/validations/automations";

const RECENT_RUNS = 10;

/** One rule with its latest runs (matched or not). */
export async function getAutomation(ctx: ActorContext, input: AutomationRefInput) {
  const { automation } = parseInput(AutomationRefSchema, input);
  const rule = await findAutomationOrThrow(prisma, ctx, automation);
  const runs = await prisma.automationRun.findMany({
    where: { ruleId: rule.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_RUNS,
    select: RUN_SELECT,
  });
  return { ...automationJson(rule), recent_runs: runs.map(runJson) };
}
